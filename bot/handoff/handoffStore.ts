import type { Database, Statement } from 'better-sqlite3';
import type { FlowStage } from '../../machines/caseStage.js';
import type { HandoffReason, HandoffState } from '../../machines/handoffTypes.js';

/** What the case card shows besides the ownership itself. */
export interface HandoffInfo {
  customer: { clientId: number; name: string | null } | null;
  reason: HandoffReason | null;
  stage: FlowStage | null;
  language: 'id' | 'en';
  /** The queue position the customer was last told, so updates go out only on change. */
  toldPosition?: number;
}

export interface HandoffRecord {
  conversationId: string;
  channelId: string;
  state: HandoffState;
  owner: string | null;
  version: number;
  queuedAt: number | null;
  /** The handoff machine's persisted snapshot. */
  snapshot: unknown;
  info: HandoffInfo;
  updatedAt: number;
}

/** Durable handoff records; writes are compare-and-set on the ownership version. */
export interface HandoffStore {
  get(conversationId: string): Promise<HandoffRecord | undefined>;
  /** Writes when the stored version equals `expectedVersion` (null: the record must not exist). */
  save(record: HandoffRecord, expectedVersion: number | null): Promise<boolean>;
  /** Updates the case-card info of a conversation without touching its ownership. */
  touch(
    conversationId: string,
    channelId: string,
    info: Partial<HandoffInfo>,
    now: number,
  ): Promise<void>;
  list(states: HandoffState[], limit: number): Promise<HandoffRecord[]>;
  recordHandling(handleMs: number, endedAt: number): Promise<void>;
  recentHandlingMs(limit: number): Promise<number[]>;
}

interface Row {
  conversation_id: string;
  channel_id: string;
  state: string;
  owner: string | null;
  version: number;
  queued_at: number | null;
  snapshot: string;
  info: string;
  updated_at: number;
}

const EMPTY_INFO: HandoffInfo = { customer: null, reason: null, stage: null, language: 'id' };

export class SqliteHandoffStore implements HandoffStore {
  private readonly select: Statement<[string], Row>;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly selectStates: Statement<[string, number], Row>;
  private readonly insertHandling: Statement<[number, number]>;
  private readonly selectHandling: Statement<[number], { handle_ms: number }>;

  constructor(private readonly db: Database) {
    this.select = db.prepare('SELECT * FROM handoffs WHERE conversation_id = ?');
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO handoffs (conversation_id, channel_id, state, owner, version, queued_at, snapshot, info, updated_at)
       VALUES (@conversationId, @channelId, @state, @owner, @version, @queuedAt, @snapshot, @info, @updatedAt)`,
    );
    this.update = db.prepare(
      `UPDATE handoffs SET state = @state, owner = @owner, version = @version, queued_at = @queuedAt,
         snapshot = @snapshot, info = @info, updated_at = @updatedAt, channel_id = @channelId
       WHERE conversation_id = @conversationId AND version = @expected`,
    );
    this.selectStates = db.prepare(
      `SELECT * FROM handoffs WHERE state IN (SELECT value FROM json_each(?))
       ORDER BY COALESCE(queued_at, updated_at) LIMIT ?`,
    );
    this.insertHandling = db.prepare(
      'INSERT INTO handoff_handling (handle_ms, ended_at) VALUES (?, ?)',
    );
    this.selectHandling = db.prepare(
      'SELECT handle_ms FROM handoff_handling ORDER BY id DESC LIMIT ?',
    );
  }

  async get(conversationId: string): Promise<HandoffRecord | undefined> {
    const row = this.select.get(conversationId);
    return row ? toRecord(row) : undefined;
  }

  async save(record: HandoffRecord, expectedVersion: number | null): Promise<boolean> {
    const params = {
      ...record,
      snapshot: JSON.stringify(record.snapshot),
      info: JSON.stringify(record.info),
      expected: expectedVersion,
    };
    const result = expectedVersion === null ? this.insert.run(params) : this.update.run(params);
    return result.changes === 1;
  }

  async touch(
    conversationId: string,
    channelId: string,
    info: Partial<HandoffInfo>,
    now: number,
  ): Promise<void> {
    const write = this.db.transaction(() => {
      const existing = this.select.get(conversationId);
      if (!existing) {
        this.insert.run({
          conversationId,
          channelId,
          state: 'bot',
          owner: null,
          version: 0,
          queuedAt: null,
          snapshot: 'null',
          info: JSON.stringify({ ...EMPTY_INFO, ...info }),
          updatedAt: now,
        });
        return;
      }
      const merged = { ...(JSON.parse(existing.info) as HandoffInfo), ...info };
      this.db
        .prepare('UPDATE handoffs SET info = ?, updated_at = ? WHERE conversation_id = ?')
        .run(JSON.stringify(merged), now, conversationId);
    });
    write();
  }

  async list(states: HandoffState[], limit: number): Promise<HandoffRecord[]> {
    return this.selectStates.all(JSON.stringify(states), limit).map(toRecord);
  }

  async recordHandling(handleMs: number, endedAt: number): Promise<void> {
    this.insertHandling.run(handleMs, endedAt);
  }

  async recentHandlingMs(limit: number): Promise<number[]> {
    return this.selectHandling.all(limit).map((row) => row.handle_ms);
  }
}

function toRecord(row: Row): HandoffRecord {
  return {
    conversationId: row.conversation_id,
    channelId: row.channel_id,
    state: row.state as HandoffState,
    owner: row.owner,
    version: row.version,
    queuedAt: row.queued_at,
    snapshot: JSON.parse(row.snapshot) as unknown,
    info: JSON.parse(row.info) as HandoffInfo,
    updatedAt: row.updated_at,
  };
}
