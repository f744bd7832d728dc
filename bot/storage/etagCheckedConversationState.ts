import { ConversationState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';
import { StateETagTracker } from './stateETagTracker.js';

/**
 * ConversationState that saves with the eTag it loaded (BotState writes `'*'`, last writer wins),
 * so a concurrent turn's change makes `saveChanges` reject with AppError `STORAGE_CONFLICT`; the
 * bot then retries the turn from fresh state. Saving twice in one turn does not conflict with itself.
 */
export class EtagCheckedConversationState extends ConversationState {
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
