import type { HandoffEvent } from '../../machines/handoffTypes.js';
import type { Logger } from '../logger.js';
import type { StaffAccounts } from './staffAccounts.js';
import { caseSummary, type CaseSummary } from './caseViews.js';
import type { HandoffEvents } from './handoffEvents.js';
import type { HandoffRecord, HandoffStore } from './handoffStore.js';
import { applyHandoffEvent } from './ownership.js';
import type { TranscriptStore } from './transcriptStore.js';

/** Staff count as present while their console was heard from within this time. */
export const PRESENCE_TTL_MS = 2 * 60_000;
const DEFAULT_HANDLING_MS = 5 * 60_000;
const QUEUE_LIMIT = 200;

export interface HandoffCoreDeps {
  store: HandoffStore;
  transcripts: TranscriptStore;
  staff: StaffAccounts;
  events: HandoffEvents;
  logger: Logger;
  now: () => Date;
}

/** Loading, changing (compare-and-set) and publishing handoff records; shared by both sides. */
export class HandoffCore {
  constructor(readonly deps: HandoffCoreDeps) {}

  now(): number {
    return this.deps.now().getTime();
  }

  get(conversationId: string): Promise<HandoffRecord | undefined> {
    return this.deps.store.get(conversationId);
  }

  /**
   * Applies an event and saves it if nobody changed the record meanwhile; retried a few times
   * from fresh state. Null when the event does not apply in the record's current state.
   */
  async change(
    conversationId: string,
    channelId: string,
    event: HandoffEvent,
    info?: Partial<HandoffRecord['info']>,
  ): Promise<{ before: HandoffRecord | undefined; after: HandoffRecord } | null> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const before = await this.deps.store.get(conversationId);
      const next = applyHandoffEvent(before, { conversationId, channelId }, event, this.now());
      if (!next) return null;
      const after = info ? { ...next, info: { ...next.info, ...info } } : next;
      if (await this.deps.store.save(after, before ? before.version : null)) {
        await this.publishChange(after);
        return { before, after };
      }
    }
    this.deps.logger.warn({ conversationId, event: event.type }, 'handoff change lost five races');
    return null;
  }

  async queue(): Promise<HandoffRecord[]> {
    return this.deps.store.list(['queued'], QUEUE_LIMIT);
  }

  async position(conversationId: string): Promise<number | null> {
    const index = (await this.queue()).findIndex((r) => r.conversationId === conversationId);
    return index < 0 ? null : index + 1;
  }

  async summary(record: HandoffRecord): Promise<CaseSummary> {
    const transcript = await this.deps.transcripts.list(record.conversationId, 20);
    const position = record.state === 'queued' ? await this.position(record.conversationId) : null;
    return caseSummary(record, transcript, position, this.now());
  }

  async onlineStaff(): Promise<number> {
    const now = this.now();
    const staff = await this.deps.staff.list();
    return staff.filter(
      (s) => s.presence === 'online' && s.lastSeen !== null && now - s.lastSeen < PRESENCE_TTL_MS,
    ).length;
  }

  /** Minutes until a customer at this position is likely served, from recent handling times. */
  async estimateMinutes(position: number): Promise<number> {
    const recent = await this.deps.store.recentHandlingMs(20);
    const average =
      recent.length > 0 ? recent.reduce((a, b) => a + b, 0) / recent.length : DEFAULT_HANDLING_MS;
    const staff = Math.max(1, await this.onlineStaff());
    return Math.max(1, Math.ceil((average * position) / staff / 60_000));
  }

  async publishQueue(): Promise<void> {
    this.deps.events.publish({ type: 'queue', data: await this.queueSummaries() });
  }

  /** Re-reads the queue for this replica's consoles after another replica changed it (no relay). */
  async refreshQueueLocally(): Promise<void> {
    this.deps.events.receive({ type: 'queue', data: await this.queueSummaries() });
  }

  private async queueSummaries(): Promise<CaseSummary[]> {
    return Promise.all((await this.queue()).map((r) => this.summary(r)));
  }

  private async publishChange(record: HandoffRecord): Promise<void> {
    this.deps.events.publish({ type: 'conversation', data: await this.summary(record) });
  }
}
