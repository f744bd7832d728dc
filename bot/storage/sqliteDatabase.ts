import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { applySqliteMigrations } from './sqliteMigrations.js';

export interface SqliteDatabaseOptions {
  /** A file path (its directory is created) or `':memory:'`. */
  readonly file: string;
  /** How long a writer waits for another connection's lock, in ms. */
  readonly busyTimeoutMs?: number;
}

/** Opens the embedded database with WAL, a busy timeout and foreign keys, and migrates it. */
export function openSqliteDatabase(options: SqliteDatabaseOptions): Database {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const db = new BetterSqlite3(options.file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    applySqliteMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
