import {
  calculateChangeHash,
  type Storage,
  type StorageKeyFactory,
  type StoreItem,
  type TurnContext,
} from 'botbuilder';

/**
 * The eTag written for state that did not exist when it was loaded. A conformant storage stores
 * an item whatever its eTag when the key is absent, and rejects this eTag once another writer has
 * created the key: a create-if-absent.
 */
export const ABSENT_ETAG = 'absent';

interface TrackedState {
  /** The object BotState caches for the turn; tracking is only valid for this very object. */
  readonly state: StoreItem;
  /** Change hash at load or at the last save, as BotState keeps it. */
  hash: string;
  /** The eTag the state was loaded with. */
  readonly eTag: string;
  /** Set once this turn has written: the hash it wrote; the stored eTag is then re-read. */
  writtenHash?: string;
}

/**
 * Per-turn eTag bookkeeping shared by the eTag-checked BotState subclasses: they save with the
 * eTag the state was loaded with instead of BotState's `'*'`, so a concurrent writer is detected.
 */
export class StateETagTracker {
  private readonly turnKey = Symbol('stateETagTracker');

  constructor(
    private readonly storage: Storage,
    private readonly storageKey: StorageKeyFactory,
  ) {}

  /** Records a freshly loaded state object; a cached one (same object) keeps its record. */
  loaded(context: TurnContext, state: StoreItem): StoreItem {
    if (this.recordOf(context)?.state !== state) {
      this.setRecord(context, { state, hash: calculateChangeHash(state), eTag: eTagOf(state) });
    }
    return state;
  }

  /** After BotState.clear: the new empty object replaces the loaded one but keeps its eTag. */
  cleared(context: TurnContext, state: StoreItem): void {
    const prior = this.recordOf(context);
    this.setRecord(context, {
      state,
      hash: '',
      eTag: prior?.eTag ?? '*',
      writtenHash: prior?.writtenHash,
    });
  }

  forget(context: TurnContext): void {
    context.turnState.delete(this.turnKey);
  }

  /**
   * BotState.saveChanges with the loaded eTag: writes only when changed or forced; the storage's
   * STORAGE_CONFLICT propagates. `cached` is BotState's cached object for the turn, if any.
   */
  async save(
    context: TurnContext,
    cached: StoreItem | undefined,
    force: boolean,
    load: () => Promise<StoreItem>,
  ): Promise<void> {
    if (cached === undefined && !force) return;
    const record = this.recordFor(context, cached ?? (await load()));
    const hash = calculateChangeHash(record.state);
    if (!force && hash === record.hash) return;
    const key = await this.storageKey(context);
    const eTag = await this.expectedETag(key, record);
    await this.storage.write({ [key]: { ...record.state, eTag } });
    record.hash = hash;
    record.writtenHash = hash;
  }

  /**
   * The loaded eTag, or after this turn's own write the stored eTag, adopted only if the stored
   * document is still the one this turn wrote. Otherwise the stale loaded eTag makes the write
   * conflict, as it should: someone else wrote in between.
   */
  private async expectedETag(key: string, record: TrackedState): Promise<string> {
    if (record.writtenHash === undefined) return record.eTag;
    const stored: StoreItem | undefined = (await this.storage.read([key]))[key];
    if (stored !== undefined && calculateChangeHash(stored) === record.writtenHash) {
      return eTagOf(stored);
    }
    return record.eTag;
  }

  /** The record of `state`; an object this tracker never saw is treated as changed. */
  private recordFor(context: TurnContext, state: StoreItem): TrackedState {
    const record = this.recordOf(context);
    if (record?.state === state) return record;
    const fresh: TrackedState = { state, hash: '', eTag: eTagOf(state) };
    this.setRecord(context, fresh);
    return fresh;
  }

  private recordOf(context: TurnContext): TrackedState | undefined {
    return context.turnState.get<TrackedState | undefined>(this.turnKey);
  }

  private setRecord(context: TurnContext, record: TrackedState): void {
    context.turnState.set(this.turnKey, record);
  }
}

function eTagOf(item: StoreItem): string {
  return typeof item.eTag === 'string' && item.eTag !== '' ? item.eTag : ABSENT_ETAG;
}
