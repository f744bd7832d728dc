import { randomUUID } from 'node:crypto';
import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { AppError } from '../../clientzone/appError.js';

interface StateRow {
  etag: string;
  doc: string;
}

/**
 * botbuilder `Storage` on the embedded SQLite database (table `bot_state`), with MemoryStorage's
 * eTag rules, except that a write batch is atomic: one conflict rolls back the whole batch.
 * Keys are stored verbatim and have no length limit.
 */
export class SqliteStorage implements Storage {
  private readonly selectRow: Statement<[string], StateRow>;
  private readonly selectETag: Statement<[string], { etag: string }>;
  private readonly upsertRow: Statement<[string, string, string, number]>;
  private readonly deleteRow: Statement<[string]>;
  private readonly writeBatch: Transaction<(entries: WriteEntry[], now: number) => void>;
  private readonly deleteBatch: Transaction<(keys: string[]) => void>;

  constructor(db: Database) {
    this.selectRow = db.prepare('SELECT etag, doc FROM bot_state WHERE key = ?');
    this.selectETag = db.prepare('SELECT etag FROM bot_state WHERE key = ?');
    this.upsertRow = db.prepare(
      `INSERT INTO bot_state (key, etag, doc, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET
         etag = excluded.etag, doc = excluded.doc, updated_at = excluded.updated_at`,
    );
    this.deleteRow = db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.writeBatch = db.transaction((entries: WriteEntry[], now: number) => {
      for (const entry of entries) {
        this.assertWritable(entry);
        this.upsertRow.run(entry.key, randomUUID(), entry.doc, now);
      }
    });
    this.deleteBatch = db.transaction((keys: string[]) => {
      for (const key of keys) this.deleteRow.run(key);
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectRow.get(key);
      if (row === undefined) continue;
      const item = JSON.parse(row.doc) as StoreItem;
      item.eTag = row.etag;
      items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (changes === null || typeof changes !== 'object') {
      throw new ReferenceError('Changes are required when writing.');
    }
    const entries = Object.entries(changes).map(([key, item]) => toEntry(key, item));
    // IMMEDIATE takes the write lock before the eTag check, so no other connection can slip in.
    this.writeBatch.immediate(entries, Date.now());
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    this.deleteBatch.immediate(keys);
  }

  private assertWritable(entry: WriteEntry): void {
    if (entry.eTag === undefined || entry.eTag === '' || entry.eTag === '*') return;
    const stored = this.selectETag.get(entry.key);
    if (stored === undefined || stored.etag === entry.eTag) return;
    throw new AppError(
      'STORAGE_CONFLICT',
      `Storage: error writing "${entry.key}" due to eTag conflict.`,
      { details: { key: entry.key } },
    );
  }
}

interface WriteEntry {
  key: string;
  eTag: string | undefined;
  doc: string;
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
