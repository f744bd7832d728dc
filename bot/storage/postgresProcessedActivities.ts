import type { Pool } from 'pg';
import type { ProcessedActivities } from './processedActivities.js';
import { toStoredKey } from './postgresText.js';

/** `ProcessedActivities` in the `processed_activities` table; ids are unique per conversation. */
export class PostgresProcessedActivities implements ProcessedActivities {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async markProcessed(activityId: string, conversationId: string): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO processed_activities (conversation_id, id, processed_at) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_id, id) DO NOTHING`,
      [toStoredKey(conversationId), toStoredKey(activityId), new Date(this.now())],
    );
    return result.rowCount === 1;
  }

  async prune(olderThanMs: number): Promise<number> {
    const result = await this.pool.query(
      'DELETE FROM processed_activities WHERE processed_at < $1',
      [new Date(this.now() - olderThanMs)],
    );
    return result.rowCount ?? 0;
  }
}
