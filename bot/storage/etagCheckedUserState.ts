import { UserState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';
import { StateETagTracker } from './stateETagTracker.js';

/** UserState that saves with the eTag it loaded; see EtagCheckedConversationState. */
export class EtagCheckedUserState extends UserState {
  private readonly tracker: StateETagTracker;

  constructor(storage: Storage, namespace = '') {
    super(storage, namespace);
    this.tracker = new StateETagTracker(storage, this.storageKey);
  }

  override async load(context: TurnContext, force = false): Promise<StoreItem> {
    return this.tracker.loaded(context, await super.load(context, force));
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    await this.tracker.save(context, this.get(context), force, () => this.load(context));
  }

  override async clear(context: TurnContext): Promise<void> {
    await this.load(context);
    await super.clear(context);
    this.tracker.cleared(context, this.get(context));
  }

  override async delete(context: TurnContext): Promise<void> {
    this.tracker.forget(context);
    await super.delete(context);
  }
}
