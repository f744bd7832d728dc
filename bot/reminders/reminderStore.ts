import type { Database, Statement } from 'better-sqlite3';

/** A proactive message the bot owes a customer at a moment in the future. */
export interface Reminder {
  /** One reminder per kind, client and service: scheduling again replaces it. */
  id: string;
  conversationId: string;
  clientId: number;
  serviceId: number;
  kind: 'downgrade-window';
  fireAt: number;
  payload: { domain: string; dueDate: string };
  /** Sends tried so far, counting the current claim. */
  attempts?: number;
}

/** Durable reminders; `claimDue` hands each due reminder to exactly one caller. */
export interface ReminderStore {
  schedule(reminder: Reminder): Promise<void>;
  cancelForService(clientId: number, serviceId: number): Promise<number>;
  /** Due reminders, marked as being sent; a claim older than `leaseMs` may be taken again. */
  claimDue(now: number, leaseMs: number, limit: number): Promise<Reminder[]>;
  markSent(id: string): Promise<void>;
  /** Gives a failed send back to be tried again later, or gives up after too many attempts. */
  release(id: string, retryAt: number, giveUp: boolean): Promise<void>;
  pending(): Promise<Reminder[]>;
}

interface ReminderRow {
  id: string;
  conversation_id: string;
  client_id: number;
  service_id: number;
  kind: string;
  fire_at: number;
  payload: string;
  attempts: number;
}

export function reminderId(kind: string, clientId: number, serviceId: number): string {
  return `${kind}:${clientId}:${serviceId}`;
}

export class SqliteReminderStore implements ReminderStore {
  private readonly upsert: Statement;
  private readonly cancel: Statement<[number, number]>;
  private readonly due: Statement<[number, number, number, number], ReminderRow>;
  private readonly claim: Statement<[number, string, number, number]>;
  private readonly sent: Statement<[string]>;
  private readonly retry: Statement<[string, number, string]>;
  private readonly listPending: Statement<[], ReminderRow>;

  constructor(private readonly db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO reminders (id, conversation_id, client_id, service_id, kind, fire_at, status, payload, created_at)
       VALUES (@id, @conversationId, @clientId, @serviceId, @kind, @fireAt, 'pending', @payload, @createdAt)
       ON CONFLICT (id) DO UPDATE SET conversation_id = excluded.conversation_id,
         fire_at = excluded.fire_at, status = 'pending', attempts = 0, claimed_at = NULL,
         payload = excluded.payload`,
    );
    this.cancel = db.prepare(
      `DELETE FROM reminders WHERE client_id = ? AND service_id = ? AND status IN ('pending', 'sending')`,
    );
    this.due = db.prepare(
      `SELECT id, conversation_id, client_id, service_id, kind, fire_at, payload, attempts + 1 AS attempts
       FROM reminders WHERE fire_at <= ? AND (status = 'pending' OR (status = 'sending' AND claimed_at < ? - ?))
       ORDER BY fire_at LIMIT ?`,
    );
    this.claim = db.prepare(
      `UPDATE reminders SET status = 'sending', claimed_at = ?, attempts = attempts + 1
       WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND claimed_at < ? - ?))`,
    );
    this.sent = db.prepare(`UPDATE reminders SET status = 'sent' WHERE id = ?`);
    this.retry = db.prepare(
      `UPDATE reminders SET status = ?, fire_at = ?, claimed_at = NULL WHERE id = ?`,
    );
    this.listPending = db.prepare(
      `SELECT id, conversation_id, client_id, service_id, kind, fire_at, payload, attempts FROM reminders
       WHERE status IN ('pending', 'sending') ORDER BY fire_at`,
    );
  }

  async schedule(reminder: Reminder): Promise<void> {
    this.upsert.run({
      ...reminder,
      payload: JSON.stringify(reminder.payload),
      createdAt: Date.now(),
    });
  }

  async cancelForService(clientId: number, serviceId: number): Promise<number> {
    return this.cancel.run(clientId, serviceId).changes;
  }

  async claimDue(now: number, leaseMs: number, limit: number): Promise<Reminder[]> {
    const claimAll = this.db.transaction(() =>
      this.due
        .all(now, now, leaseMs, limit)
        .filter((row) => this.claim.run(now, row.id, now, leaseMs).changes === 1),
    );
    return claimAll().map(toReminder);
  }

  async markSent(id: string): Promise<void> {
    this.sent.run(id);
  }

  async release(id: string, retryAt: number, giveUp: boolean): Promise<void> {
    this.retry.run(giveUp ? 'failed' : 'pending', retryAt, id);
  }

  async pending(): Promise<Reminder[]> {
    return this.listPending.all().map(toReminder);
  }
}

function toReminder(row: ReminderRow): Reminder {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    clientId: row.client_id,
    serviceId: row.service_id,
    kind: 'downgrade-window',
    fireAt: row.fire_at,
    payload: JSON.parse(row.payload) as Reminder['payload'],
    attempts: row.attempts,
  };
}
