import type { Database, Statement } from 'better-sqlite3';

/** Remembers which activity ids were handled, so a channel's retry of one is dropped. */
export interface ProcessedActivities {
  /** True if the activity was newly marked, false if it had already been processed. */
  markProcessed(activityId: string, conversationId: string): Promise<boolean>;
  /** Forgets activities marked more than `olderThanMs` ago; returns how many were removed. */
  prune(olderThanMs: number): Promise<number>;
}

/** `ProcessedActivities` in the `processed_activities` table; ids are unique per conversation. */
export class SqliteProcessedActivities implements ProcessedActivities {
  private readonly insert: Statement<[string, string, number]>;
  private readonly deleteOlder: Statement<[number]>;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO processed_activities (conversation_id, id, processed_at)
       VALUES (?, ?, ?)`,
    );
    this.deleteOlder = db.prepare('DELETE FROM processed_activities WHERE processed_at < ?');
  }

  async markProcessed(activityId: string, conversationId: string): Promise<boolean> {
    return this.insert.run(conversationId, activityId, this.now()).changes === 1;
  }

  async prune(olderThanMs: number): Promise<number> {
    return this.deleteOlder.run(this.now() - olderThanMs).changes;
  }
}
