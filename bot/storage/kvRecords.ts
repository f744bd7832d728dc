import type { Database, Statement } from 'better-sqlite3';

/** Small JSON records grouped by namespace, e.g. the invoice placed for a service. */
export interface KeyValueRecords {
  get<T>(namespace: string, key: string): Promise<T | undefined>;
  /** Creates or replaces the record; `value` must be JSON-serialisable. */
  put<T>(namespace: string, key: string, value: T): Promise<void>;
  /** Removes the record; a missing record is not an error. */
  delete(namespace: string, key: string): Promise<void>;
  /** Records of the namespace whose key starts with `prefix` (case-sensitive), ordered by key. */
  list<T>(namespace: string, prefix?: string): Promise<{ key: string; value: T }[]>;
  /** Deletes the namespace's records last written more than `olderThanMs` ago; returns how many. */
  prune(namespace: string, olderThanMs: number): Promise<number>;
}

interface RecordRow {
  key: string;
  doc: string;
}

/** `KeyValueRecords` in the `kv_records` table. */
export class SqliteKeyValueRecords implements KeyValueRecords {
  private readonly selectOne: Statement<[string, string], RecordRow>;
  private readonly selectPrefix: Statement<[{ namespace: string; prefix: string }], RecordRow>;
  private readonly upsert: Statement<[string, string, string, number]>;
  private readonly deleteOne: Statement<[string, string]>;
  private readonly deleteOlder: Statement<[string, number]>;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.selectOne = db.prepare('SELECT key, doc FROM kv_records WHERE namespace = ? AND key = ?');
    // substr/length count characters on both sides, and unlike LIKE this is case-sensitive.
    this.selectPrefix = db.prepare(
      `SELECT key, doc FROM kv_records
       WHERE namespace = @namespace AND substr(key, 1, length(@prefix)) = @prefix
       ORDER BY key`,
    );
    this.upsert = db.prepare(
      `INSERT INTO kv_records (namespace, key, doc, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (namespace, key) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at`,
    );
    this.deleteOne = db.prepare('DELETE FROM kv_records WHERE namespace = ? AND key = ?');
    this.deleteOlder = db.prepare('DELETE FROM kv_records WHERE namespace = ? AND updated_at < ?');
  }

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const row = this.selectOne.get(namespace, key);
    return row === undefined ? undefined : (JSON.parse(row.doc) as T);
  }

  async put<T>(namespace: string, key: string, value: T): Promise<void> {
    const doc = JSON.stringify(value) as string | undefined;
    if (doc === undefined) throw new TypeError(`Record "${namespace}/${key}" is not JSON.`);
    this.upsert.run(namespace, key, doc, this.now());
  }

  async delete(namespace: string, key: string): Promise<void> {
    this.deleteOne.run(namespace, key);
  }

  async list<T>(namespace: string, prefix = ''): Promise<{ key: string; value: T }[]> {
    return this.selectPrefix
      .all({ namespace, prefix })
      .map((row) => ({ key: row.key, value: JSON.parse(row.doc) as T }));
  }

  async prune(namespace: string, olderThanMs: number): Promise<number> {
    return this.deleteOlder.run(namespace, this.now() - olderThanMs).changes;
  }
}
