import type { Pool } from 'pg';
import type { Reminder, ReminderStore } from './reminderStore.js';

interface Row {
  id: string;
  conversation_id: string;
  client_id: string;
  service_id: string;
  fire_at: string;
  payload: Reminder['payload'];
  attempts: number;
}

/** Reminders in PostgreSQL; replicas claim due ones with SKIP LOCKED, so each is sent by one. */
export class PostgresReminderStore implements ReminderStore {
  constructor(private readonly pool: Pool) {}

  async schedule(r: Reminder): Promise<void> {
    await this.pool.query(
      `INSERT INTO reminders (id, conversation_id, client_id, service_id, kind, fire_at, status, payload, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8)
       ON CONFLICT (id) DO UPDATE SET conversation_id = excluded.conversation_id, fire_at = excluded.fire_at,
         status = 'pending', attempts = 0, claimed_at = NULL, payload = excluded.payload`,
      [
        r.id,
        r.conversationId,
        r.clientId,
        r.serviceId,
        r.kind,
        r.fireAt,
        JSON.stringify(r.payload),
        Date.now(),
      ],
    );
  }

  async cancelForService(clientId: number, serviceId: number): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM reminders WHERE client_id = $1 AND service_id = $2 AND status IN ('pending', 'sending')`,
      [clientId, serviceId],
    );
    return result.rowCount ?? 0;
  }

  async claimDue(now: number, leaseMs: number, limit: number): Promise<Reminder[]> {
    const result = await this.pool.query<Row>(
      `UPDATE reminders SET status = 'sending', claimed_at = $1, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM reminders
         WHERE fire_at <= $1 AND (status = 'pending' OR (status = 'sending' AND claimed_at < $1 - $2))
         ORDER BY fire_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, conversation_id, client_id, service_id, fire_at, payload, attempts`,
      [now, leaseMs, limit],
    );
    return result.rows.map(toReminder);
  }

  async markSent(id: string): Promise<void> {
    await this.pool.query(`UPDATE reminders SET status = 'sent' WHERE id = $1`, [id]);
  }

  async release(id: string, retryAt: number, giveUp: boolean): Promise<void> {
    await this.pool.query(
      'UPDATE reminders SET status = $1, fire_at = $2, claimed_at = NULL WHERE id = $3',
      [giveUp ? 'failed' : 'pending', retryAt, id],
    );
  }

  async pending(): Promise<Reminder[]> {
    const result = await this.pool.query<Row>(
      `SELECT id, conversation_id, client_id, service_id, fire_at, payload, attempts FROM reminders
       WHERE status IN ('pending', 'sending') ORDER BY fire_at`,
    );
    return result.rows.map(toReminder);
  }
}

function toReminder(row: Row): Reminder {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    clientId: Number(row.client_id),
    serviceId: Number(row.service_id),
    kind: 'downgrade-window',
    fireAt: Number(row.fire_at),
    payload: row.payload,
    attempts: row.attempts,
  };
}
