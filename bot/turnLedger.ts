import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { KeyValueRecords } from './storage/kvRecords.js';
import type { ProcessedActivities } from './storage/processedActivities.js';

const REPLIES_NAMESPACE = 'turn-replies';

/** A conversation's latest activity and its replies, saved inside the conversation state. */
export interface LatestTurn {
  activityId: string;
  replies: Partial<Activity>[];
}

/**
 * Remembers which activity ids were processed, so a channel's retry is not processed again,
 * and what the bot answered to them, so a retried `expectReplies` request gets the same answer.
 */
export class TurnLedger {
  constructor(
    private readonly processed: ProcessedActivities,
    private readonly records: KeyValueRecords,
    /**
     * The latest turn, in conversation state: it is saved in the same write as the state the
     * turn produced, so a process killed between that write and `record` cannot leave a turn
     * whose state is saved but whose retry would run again.
     */
    private readonly latest?: StatePropertyAccessor<LatestTurn | undefined>,
  ) {}

  /** The replies sent for this activity, or null when it was never processed. */
  async previousReplies(
    conversationId: string,
    activityId: string,
    context?: TurnContext,
  ): Promise<Partial<Activity>[] | null> {
    const record = await this.records.get<{ replies: Partial<Activity>[] }>(
      REPLIES_NAMESPACE,
      ledgerKey(conversationId, activityId),
    );
    if (record) return record.replies;
    const latest = context && (await this.latest?.get(context));
    return latest?.activityId === activityId ? latest.replies : null;
  }

  /** Puts the turn's replies into the conversation state, before that state is saved. */
  async stage(
    context: TurnContext,
    activityId: string,
    replies: Partial<Activity>[],
  ): Promise<void> {
    await this.latest?.set(context, { activityId, replies });
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
