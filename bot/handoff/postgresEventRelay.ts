import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logger.js';
import type { HandoffEvents, StaffEvent } from './handoffEvents.js';

const CHANNEL = 'oxmail_handoff_events';
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_PAYLOAD = 7000;

interface Envelope {
  origin: string;
  event: StaffEvent;
}

/**
 * Consoles connected to any replica hear events of all of them: each event is NOTIFYed, and a
 * LISTEN connection re-emits the other replicas' events here. Queue events carry no data across:
 * the receiving replica reads the queue itself (`refreshQueue`).
 */
export async function relayHandoffEvents(
  pool: Pool,
  events: HandoffEvents,
  refreshQueue: () => Promise<void>,
  logger: Logger,
): Promise<() => Promise<void>> {
  const origin = randomUUID();
  const listener: PoolClient = await pool.connect();
  await listener.query(`LISTEN ${CHANNEL}`);
  listener.on('notification', (message) => {
    const envelope = parse(message.payload);
    if (!envelope || envelope.origin === origin) return;
    if (envelope.event.type === 'queue') void refreshQueue().catch(() => undefined);
    else events.receive(envelope.event);
  });
  events.addRelay((event) => {
    const payload = JSON.stringify({
      origin,
      event: event.type === 'queue' ? { type: 'queue', data: null } : event,
    });
    if (payload.length > MAX_PAYLOAD) return;
    pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error: Error) => {
      logger.warn({ err: error.message }, 'handoff event not relayed');
    });
  });
  return async () => {
    await listener.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
    listener.release();
  };
}

function parse(payload: string | undefined): Envelope | null {
  try {
    const value = JSON.parse(payload ?? '') as Envelope;
    return typeof value.origin === 'string' && value.event ? value : null;
  } catch {
    return null;
  }
}
