import type { Pool, PoolClient } from 'pg';

/** One schema change, applied once and recorded in `schema_migrations` under its id. */
export interface PostgresMigration {
  readonly id: string;
  readonly sql: string;
}

/**
 * Every schema change, in order, with the ids of the SQLite migrations they mirror. Append new
 * ones; never edit or reorder applied ones. Keys are `COLLATE "C"` (byte order, as SQLite's
 * BINARY); documents are `json`, which keeps the text as written (jsonb would reorder keys and
 * change the change-hash of state) and is still queryable.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    id: '0001_bot_state',
    sql: `CREATE TABLE bot_state (
      key text COLLATE "C" PRIMARY KEY,
      etag text NOT NULL,
      doc json NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
  },
  {
    // Channels number activities per conversation (Telegram does), so the id alone is not unique.
    id: '0002_processed_activities',
    sql: `CREATE TABLE processed_activities (
      conversation_id text COLLATE "C" NOT NULL,
      id text COLLATE "C" NOT NULL,
      processed_at timestamptz NOT NULL,
      PRIMARY KEY (conversation_id, id)
    );
    CREATE INDEX processed_activities_processed_at ON processed_activities (processed_at)`,
  },
  {
    id: '0003_kv_records',
    sql: `CREATE TABLE kv_records (
      namespace text COLLATE "C" NOT NULL,
      key text COLLATE "C" NOT NULL,
      doc json NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (namespace, key)
    );
    CREATE INDEX kv_records_updated_at ON kv_records (namespace, updated_at)`,
  },
  {
    id: '0004_reminders',
    sql: `CREATE TABLE reminders (
      id text COLLATE "C" PRIMARY KEY,
      conversation_id text COLLATE "C" NOT NULL,
      client_id bigint NOT NULL,
      service_id bigint NOT NULL,
      kind text NOT NULL,
      fire_at bigint NOT NULL,
      status text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      claimed_at bigint,
      payload json NOT NULL,
      created_at bigint NOT NULL
    );
    CREATE INDEX reminders_due ON reminders (status, fire_at)`,
  },
  {
    id: '0005_handoff',
    sql: `CREATE TABLE handoffs (
      conversation_id text COLLATE "C" PRIMARY KEY,
      channel_id text NOT NULL,
      state text NOT NULL,
      owner text,
      version integer NOT NULL,
      queued_at bigint,
      snapshot json NOT NULL,
      info json NOT NULL,
      updated_at bigint NOT NULL
    );
    CREATE INDEX handoffs_state ON handoffs (state, queued_at);
    CREATE INDEX handoffs_updated ON handoffs (updated_at);
    CREATE TABLE handoff_handling (
      id bigserial PRIMARY KEY,
      handle_ms bigint NOT NULL,
      ended_at bigint NOT NULL
    );
    CREATE TABLE transcript_entries (
      seq bigserial PRIMARY KEY,
      conversation_id text COLLATE "C" NOT NULL,
      activity json NOT NULL,
      created_at bigint NOT NULL
    );
    CREATE INDEX transcript_entries_conversation ON transcript_entries (conversation_id, seq);
    CREATE TABLE staff_accounts (
      username text PRIMARY KEY,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      presence text NOT NULL DEFAULT 'away',
      last_seen bigint,
      created_at bigint NOT NULL
    )`,
  },
];

/**
 * Applies the migrations not yet recorded, each in its own transaction, under an advisory lock
 * keyed by the schema: replicas starting at once wait for each other, and each migration runs
 * exactly once. Creates `schema` first when given. Returns the ids applied.
 */
export async function applyPostgresMigrations(
  pool: Pool,
  schema: string | null,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<string[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(
      "SELECT pg_advisory_lock(hashtext('oxmail-support-bot migrations'), hashtext($1))",
      [schema ?? ''],
    );
    if (schema !== null) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    return await applyPending(client, migrations);
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // Ending the session also ends its lock; a healthy one unlocks and goes back to the pool.
    if (broken) client.release(broken);
    else await unlockAndRelease(client);
  }
}

async function applyPending(
  client: PoolClient,
  migrations: readonly PostgresMigration[],
): Promise<string[]> {
  const done = await client.query<{ id: string }>('SELECT id FROM schema_migrations');
  const known = new Set(done.rows.map((row) => row.id));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (known.has(migration.id)) continue;
    await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    applied.push(migration.id);
  }
  return applied;
}

async function unlockAndRelease(client: PoolClient): Promise<void> {
  try {
    await client.query('SELECT pg_advisory_unlock_all()');
    client.release();
  } catch (error) {
    client.release(error as Error);
  }
}
