import type { Database } from 'better-sqlite3';

/** One schema change, applied once and recorded in `schema_migrations` under its id. */
export interface SqliteMigration {
  readonly id: string;
  readonly sql: string;
}

/** Every schema change, in order. Append new ones; never edit or reorder applied ones. */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    id: '0001_bot_state',
    sql: `CREATE TABLE bot_state (
      key TEXT PRIMARY KEY,
      etag TEXT NOT NULL,
      doc TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
  },
  {
    // Channels number activities per conversation (Telegram does), so the id alone is not unique.
    id: '0002_processed_activities',
    sql: `CREATE TABLE processed_activities (
      conversation_id TEXT NOT NULL,
      id TEXT NOT NULL,
      processed_at INTEGER NOT NULL,
      PRIMARY KEY (conversation_id, id)
    );
    CREATE INDEX processed_activities_processed_at ON processed_activities (processed_at)`,
  },
  {
    id: '0003_kv_records',
    sql: `CREATE TABLE kv_records (
      namespace TEXT NOT NULL,
      key TEXT NOT NULL,
      doc TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (namespace, key)
    )`,
  },
  {
    id: '0004_reminders',
    sql: `CREATE TABLE reminders (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      client_id INTEGER NOT NULL,
      service_id INTEGER NOT NULL,
      kind TEXT NOT NULL,
      fire_at INTEGER NOT NULL,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      claimed_at INTEGER,
      payload TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX reminders_due ON reminders (status, fire_at)`,
  },
  {
    id: '0005_handoff',
    sql: `CREATE TABLE handoffs (
      conversation_id TEXT PRIMARY KEY,
      channel_id TEXT NOT NULL,
      state TEXT NOT NULL,
      owner TEXT,
      version INTEGER NOT NULL,
      queued_at INTEGER,
      snapshot TEXT NOT NULL,
      info TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX handoffs_state ON handoffs (state, queued_at);
    CREATE INDEX handoffs_updated ON handoffs (updated_at);
    CREATE TABLE handoff_handling (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      handle_ms INTEGER NOT NULL,
      ended_at INTEGER NOT NULL
    );
    CREATE TABLE transcript_entries (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      conversation_id TEXT NOT NULL,
      activity TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX transcript_entries_conversation ON transcript_entries (conversation_id, seq);
    CREATE TABLE staff_accounts (
      username TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      presence TEXT NOT NULL DEFAULT 'away',
      last_seen INTEGER,
      created_at INTEGER NOT NULL
    )`,
  },
];

/**
 * Applies the migrations not yet recorded, each in its own immediate transaction, so processes
 * opening the same file at once apply each migration exactly once. Returns the ids applied.
 */
export function applySqliteMigrations(
  db: Database,
  migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS,
): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at INTEGER NOT NULL
  )`);
  const isApplied = db.prepare<[string], { id: string }>(
    'SELECT id FROM schema_migrations WHERE id = ?',
  );
  const record = db.prepare<[string, number]>(
    'INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)',
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (isApplied.get(migration.id)) return;
      db.exec(migration.sql);
      record.run(migration.id, Date.now());
      applied.push(migration.id);
    });
    apply.immediate();
  }
  return applied;
}
