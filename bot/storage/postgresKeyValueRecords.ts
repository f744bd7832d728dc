import type { Pool } from 'pg';
import type { KeyValueRecords } from './kvRecords.js';
import { fromStoredKey, toStoredKey } from './postgresText.js';

/** `KeyValueRecords` in the `kv_records` table. */
export class PostgresKeyValueRecords implements KeyValueRecords {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const result = await this.pool.query<{ doc: T }>(
      'SELECT doc FROM kv_records WHERE namespace = $1 AND key = $2',
      [toStoredKey(namespace), toStoredKey(key)],
    );
    return result.rows[0]?.doc;
  }

  async put<T>(namespace: string, key: string, value: T): Promise<void> {
    const doc = JSON.stringify(value) as string | undefined;
    if (doc === undefined) throw new TypeError(`Record "${namespace}/${key}" is not JSON.`);
    await this.pool.query(
      `INSERT INTO kv_records (namespace, key, doc, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (namespace, key) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at`,
      [toStoredKey(namespace), toStoredKey(key), doc, new Date(this.now())],
    );
  }

  async delete(namespace: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM kv_records WHERE namespace = $1 AND key = $2', [
      toStoredKey(namespace),
      toStoredKey(key),
    ]);
  }

  async list<T>(namespace: string, prefix = ''): Promise<{ key: string; value: T }[]> {
    // starts_with is literal (no LIKE wildcards) and, like the C collation, case-sensitive.
    const result = await this.pool.query<{ key: string; doc: T }>(
      `SELECT key, doc FROM kv_records
       WHERE namespace = $1 AND starts_with(key, $2) ORDER BY key`,
      [toStoredKey(namespace), toStoredKey(prefix)],
    );
    return result.rows.map((row) => ({ key: fromStoredKey(row.key), value: row.doc }));
  }

  async prune(namespace: string, olderThanMs: number): Promise<number> {
    const result = await this.pool.query(
      'DELETE FROM kv_records WHERE namespace = $1 AND updated_at < $2',
      [toStoredKey(namespace), new Date(this.now() - olderThanMs)],
    );
    return result.rowCount ?? 0;
  }
}
