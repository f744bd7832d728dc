import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Pool, PoolClient } from 'pg';
import { AppError } from '../../clientzone/appError.js';
import { inTransaction } from './postgresPool.js';
import { fromStoredKey, toStoredKey } from './postgresText.js';

interface StateRow {
  key: string;
  etag: string;
  doc: StoreItem;
}

interface WriteEntry {
  key: string;
  eTag: string | undefined;
  doc: string;
}

type Queryable = Pick<PoolClient, 'query'>;

const UPSERT = `INSERT INTO bot_state (key, etag, doc, updated_at) VALUES ($1, $2, $3, now())
  ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, doc = excluded.doc, updated_at = now()`;
const UPDATE_IF_CURRENT = `UPDATE bot_state SET etag = $2, doc = $3, updated_at = now()
  WHERE key = $1 AND etag = $4`;
const INSERT_IF_ABSENT = `INSERT INTO bot_state (key, etag, doc, updated_at) VALUES ($1, $2, $3, now())
  ON CONFLICT (key) DO NOTHING`;

/**
 * botbuilder `Storage` on PostgreSQL (table `bot_state`) with the same rules as SqliteStorage:
 * MemoryStorage's eTags, a new eTag per write, and an atomic batch. A conditional write is an
 * `UPDATE ... WHERE etag = $expected`, else an insert if the key is absent: under READ COMMITTED
 * the loser of a race re-checks the winner's row and matches nothing, so it conflicts.
 */
export class PostgresStorage implements Storage {
  constructor(private readonly pool: Pool) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const result = await this.pool.query<StateRow>(
      'SELECT key, etag, doc FROM bot_state WHERE key = ANY($1::text[])',
      [keys.map(toStoredKey)],
    );
    const items: StoreItems = {};
    for (const row of result.rows) {
      // `pg` parses the json column afresh for every read: the caller owns a deep copy.
      items[fromStoredKey(row.key)] = { ...row.doc, eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (changes === null || typeof changes !== 'object') {
      throw new ReferenceError('Changes are required when writing.');
    }
    const entries = Object.entries(changes).map(([key, item]) => toEntry(key, item));
    if (entries.length === 0) return;
    // A single entry needs no transaction: it writes in one statement or not at all.
    if (entries.length === 1) return writeEntry(this.pool, entries[0] as WriteEntry);
    // Rows are locked in key order, so two batches over the same keys cannot deadlock.
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    await inTransaction(this.pool, async (client) => {
      for (const entry of entries) await writeEntry(client, entry);
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length === 0) return;
    await this.pool.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [
      keys.map(toStoredKey),
    ]);
  }
}

async function writeEntry(db: Queryable, entry: WriteEntry): Promise<void> {
  const values = [toStoredKey(entry.key), randomUUID(), entry.doc];
  if (entry.eTag === undefined || entry.eTag === '' || entry.eTag === '*') {
    await db.query(UPSERT, values);
    return;
  }
  if ((await db.query(UPDATE_IF_CURRENT, [...values, entry.eTag])).rowCount === 1) return;
  // Not the current eTag: stored only if the key is absent (ABSENT_ETAG's create-if-absent).
  if ((await db.query(INSERT_IF_ABSENT, values)).rowCount === 1) return;
  throw new AppError(
    'STORAGE_CONFLICT',
    `Storage: error writing "${entry.key}" due to eTag conflict.`,
    { details: { key: entry.key } },
  );
}

function toEntry(key: string, item: unknown): WriteEntry {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError(`Storage: the item for "${key}" must be an object.`);
  }
  const { eTag, ...rest } = item as StoreItem;
  // Compared as text: only a missing, empty or "*" eTag makes the write unconditional.
  const expected = eTag === undefined || eTag === null ? undefined : String(eTag);
  return { key, eTag: expected, doc: JSON.stringify(rest) };
}
