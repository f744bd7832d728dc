import type { Activity } from 'botbuilder';
import type { KeyValueRecords } from './storage/kvRecords.js';
import type { ProcessedActivities } from './storage/processedActivities.js';

const REPLIES_NAMESPACE = 'turn-replies';

/**
 * Remembers which activity ids were processed, so a channel's retry is not processed again,
 * and what the bot answered to them, so a retried `expectReplies` request gets the same answer.
 */
export class TurnLedger {
  constructor(
    private readonly processed: ProcessedActivities,
    private readonly records: KeyValueRecords,
  ) {}

  /** The replies sent for this activity, or null when it was never processed. */
  async previousReplies(
    conversationId: string,
    activityId: string,
  ): Promise<Partial<Activity>[] | null> {
    const record = await this.records.get<{ replies: Partial<Activity>[] }>(
      REPLIES_NAMESPACE,
      ledgerKey(conversationId, activityId),
    );
    return record?.replies ?? null;
  }

  async record(
    conversationId: string,
    activityId: string,
    replies: Partial<Activity>[],
  ): Promise<void> {
    await this.processed.markProcessed(activityId, conversationId);
    await this.records.put(REPLIES_NAMESPACE, ledgerKey(conversationId, activityId), { replies });
  }

  async prune(olderThanMs: number): Promise<void> {
    await this.processed.prune(olderThanMs);
    await this.records.prune(REPLIES_NAMESPACE, olderThanMs);
  }
}

function ledgerKey(conversationId: string, activityId: string): string {
  return `${conversationId}\u0000${activityId}`;
}
