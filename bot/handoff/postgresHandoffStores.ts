import type { Activity } from 'botbuilder';
import type { Pool } from 'pg';
import type { HandoffState } from '../../machines/handoffTypes.js';
import type { HandoffInfo, HandoffRecord, HandoffStore } from './handoffStore.js';
import type { TranscriptStore } from './transcriptStore.js';

interface Row {
  conversation_id: string;
  channel_id: string;
  state: string;
  owner: string | null;
  version: number;
  queued_at: string | null;
  snapshot: unknown;
  info: HandoffInfo;
  updated_at: string;
}

const EMPTY_INFO: HandoffInfo = { customer: null, reason: null, stage: null, language: 'id' };

/** Handoff records in PostgreSQL; ownership changes are compare-and-set on `version`. */
export class PostgresHandoffStore implements HandoffStore {
  constructor(private readonly pool: Pool) {}

  async get(conversationId: string): Promise<HandoffRecord | undefined> {
    const result = await this.pool.query<Row>('SELECT * FROM handoffs WHERE conversation_id = $1', [
      conversationId,
    ]);
    return result.rows[0] ? toRecord(result.rows[0]) : undefined;
  }

  async save(r: HandoffRecord, expectedVersion: number | null): Promise<boolean> {
    const values = [
      r.conversationId,
      r.channelId,
      r.state,
      r.owner,
      r.version,
      r.queuedAt,
      JSON.stringify(r.snapshot),
      JSON.stringify(r.info),
      r.updatedAt,
    ];
    const result =
      expectedVersion === null
        ? await this.pool.query(
            `INSERT INTO handoffs (conversation_id, channel_id, state, owner, version, queued_at, snapshot, info, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (conversation_id) DO NOTHING`,
            values,
          )
        : await this.pool.query(
            `UPDATE handoffs SET channel_id = $2, state = $3, owner = $4, version = $5, queued_at = $6,
               snapshot = $7, info = $8, updated_at = $9 WHERE conversation_id = $1 AND version = $10`,
            [...values, expectedVersion],
          );
    return result.rowCount === 1;
  }

  async touch(
    conversationId: string,
    channelId: string,
    info: Partial<HandoffInfo>,
    now: number,
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO handoffs (conversation_id, channel_id, state, owner, version, queued_at, snapshot, info, updated_at)
       VALUES ($1, $2, 'bot', NULL, 0, NULL, 'null', $3, $4)
       ON CONFLICT (conversation_id) DO UPDATE
         SET info = (handoffs.info::jsonb || $5::jsonb)::json, updated_at = excluded.updated_at`,
      [
        conversationId,
        channelId,
        JSON.stringify({ ...EMPTY_INFO, ...info }),
        now,
        JSON.stringify(info),
      ],
    );
  }

  async list(states: HandoffState[], limit: number): Promise<HandoffRecord[]> {
    const result = await this.pool.query<Row>(
      'SELECT * FROM handoffs WHERE state = ANY($1) ORDER BY COALESCE(queued_at, updated_at) LIMIT $2',
      [states, limit],
    );
    return result.rows.map(toRecord);
  }

  async recordHandling(handleMs: number, endedAt: number): Promise<void> {
    await this.pool.query('INSERT INTO handoff_handling (handle_ms, ended_at) VALUES ($1, $2)', [
      handleMs,
      endedAt,
    ]);
  }

  async recentHandlingMs(limit: number): Promise<number[]> {
    const result = await this.pool.query<{ handle_ms: string }>(
      'SELECT handle_ms FROM handoff_handling ORDER BY id DESC LIMIT $1',
      [limit],
    );
    return result.rows.map((row) => Number(row.handle_ms));
  }
}

function toRecord(row: Row): HandoffRecord {
  return {
    conversationId: row.conversation_id,
    channelId: row.channel_id,
    state: row.state as HandoffState,
    owner: row.owner,
    version: row.version,
    queuedAt: row.queued_at === null ? null : Number(row.queued_at),
    snapshot: row.snapshot,
    info: row.info,
    updatedAt: Number(row.updated_at),
  };
}

/** Transcripts in PostgreSQL, ordered by a sequence. */
export class PostgresTranscriptStore implements TranscriptStore {
  constructor(private readonly pool: Pool) {}

  async append(
    conversationId: string,
    activities: Partial<Activity>[],
    now: number,
  ): Promise<void> {
    if (activities.length === 0) return;
    await this.pool.query(
      `INSERT INTO transcript_entries (conversation_id, activity, created_at)
       SELECT $1, value, $3 FROM json_array_elements($2::json)`,
      [conversationId, JSON.stringify(activities), now],
    );
  }

  async list(conversationId: string, limit?: number): Promise<Partial<Activity>[]> {
    const result = await this.pool.query<{ activity: Partial<Activity> }>(
      `SELECT activity FROM (SELECT seq, activity FROM transcript_entries WHERE conversation_id = $1
       ORDER BY seq DESC LIMIT $2) recent ORDER BY seq`,
      [conversationId, limit ?? null],
    );
    return result.rows.map((row) => row.activity);
  }
}
