import type { Activity } from 'botbuilder';
import type { Database, Statement } from 'better-sqlite3';

/** Every activity of a conversation (customer, bot, staff, notes, handoff events), in order. */
export interface TranscriptStore {
  append(conversationId: string, activities: Partial<Activity>[], now: number): Promise<void>;
  /** The newest `limit` activities, oldest first (all of them without a limit). */
  list(conversationId: string, limit?: number): Promise<Partial<Activity>[]>;
}

export class SqliteTranscriptStore implements TranscriptStore {
  private readonly insert: Statement<[string, string, number]>;
  private readonly selectAll: Statement<[string], { activity: string }>;
  private readonly selectLast: Statement<[string, number], { activity: string }>;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      'INSERT INTO transcript_entries (conversation_id, activity, created_at) VALUES (?, ?, ?)',
    );
    this.selectAll = db.prepare(
      'SELECT activity FROM transcript_entries WHERE conversation_id = ? ORDER BY seq',
    );
    this.selectLast = db.prepare(
      `SELECT activity FROM (SELECT seq, activity FROM transcript_entries WHERE conversation_id = ?
       ORDER BY seq DESC LIMIT ?) ORDER BY seq`,
    );
  }

  async append(
    conversationId: string,
    activities: Partial<Activity>[],
    now: number,
  ): Promise<void> {
    if (activities.length === 0) return;
    const insertAll = this.db.transaction(() => {
      for (const activity of activities)
        this.insert.run(conversationId, JSON.stringify(activity), now);
    });
    insertAll();
  }

  async list(conversationId: string, limit?: number): Promise<Partial<Activity>[]> {
    const rows =
      limit === undefined
        ? this.selectAll.all(conversationId)
        : this.selectLast.all(conversationId, limit);
    return rows.map((row) => JSON.parse(row.activity) as Partial<Activity>);
  }
}
