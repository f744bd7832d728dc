import type { Database } from 'better-sqlite3';
import type { QueryResultRow } from 'pg';

/** What the bot stored for a set of conversations, in UTF-8 bytes. */
export interface PersistedSize {
  conversations: number;
  /** Conversation state documents (`bot_state.doc`): dialog stack, machine snapshot, binding. */
  stateBytes: number;
  /** Replies kept per activity id for retried requests (`kv_records` turn-replies, pruned after 24 h). */
  ledgerBytes: number;
}

/** Sums what `bot_state` and the turn ledger hold for conversation ids starting with `prefix`. */
export function persistedSize(db: Database, channelId: string, prefix: string): PersistedSize {
  const stateKey = `${channelId}/conversations/${prefix}`;
  const state = db
    .prepare<[number, string], { n: number; bytes: number }>(
      `SELECT count(*) AS n, coalesce(sum(length(CAST(doc AS BLOB))), 0) AS bytes
       FROM bot_state WHERE substr(key, 1, ?) = ?`,
    )
    .get(stateKey.length, stateKey);
  const ledger = db
    .prepare<[number, string], { bytes: number }>(
      `SELECT coalesce(sum(length(CAST(doc AS BLOB))), 0) AS bytes
       FROM kv_records WHERE namespace = 'turn-replies' AND substr(key, 1, ?) = ?`,
    )
    .get(prefix.length, prefix);
  return {
    conversations: state?.n ?? 0,
    stateBytes: state?.bytes ?? 0,
    ledgerBytes: ledger?.bytes ?? 0,
  };
}

/** The same sums on PostgreSQL, as `octet_length(doc::text)` (a json column keeps its text). */
export async function postgresPersistedSize(
  query: <R extends QueryResultRow>(sql: string, values: unknown[]) => Promise<R[]>,
  channelId: string,
  prefix: string,
): Promise<PersistedSize> {
  // No escaping needed: these prefixes hold neither U+0000 nor U+0001 (see postgresText.ts).
  const [state] = await query<{ n: number; bytes: number }>(
    `SELECT count(*)::float8 AS n, coalesce(sum(octet_length(doc::text)), 0)::float8 AS bytes
     FROM bot_state WHERE starts_with(key, $1)`,
    [`${channelId}/conversations/${prefix}`],
  );
  const [ledger] = await query<{ bytes: number }>(
    `SELECT coalesce(sum(octet_length(doc::text)), 0)::float8 AS bytes
     FROM kv_records WHERE namespace = 'turn-replies' AND starts_with(key, $1)`,
    [prefix],
  );
  return {
    conversations: state?.n ?? 0,
    stateBytes: state?.bytes ?? 0,
    ledgerBytes: ledger?.bytes ?? 0,
  };
}
