import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg, { type ClientConfig } from 'pg';
import { TurnLockTimeoutError, type TurnLock } from '../turnLock.js';

export interface PostgresTurnLockOptions {
  readonly clientConfig: ClientConfig;
  /** Separates the lock keys of bots sharing a database in different schemas. */
  readonly namespace: string;
  readonly timeoutMs: number;
}

const FIRST_PAUSE_MS = 5;
const MAX_PAUSE_MS = 100;

/**
 * Serialises a conversation's turns across every process on the database with a session-level
 * advisory lock keyed by a hash of the conversation id. All locks of a process live on one
 * dedicated session, so a turn costs no pool connection while it runs (turns last seconds when
 * Clientzone is slow, and a connection per running turn would exhaust `max_connections`). A taken
 * lock is polled with `pg_try_advisory_lock` and a growing pause: replicas of one conversation
 * rarely collide, and a blocked wait would stall every other lock on the shared session. If the
 * process dies, PostgreSQL ends the session and frees its locks at once, unlike a lease row.
 */
export class PostgresTurnLock implements TurnLock {
  private current: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private closed = false;

  constructor(private readonly options: PostgresTurnLockOptions) {}

  async run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const key = lockKey(this.options.namespace, conversationId);
    const session = await this.acquire(conversationId, key);
    try {
      return await work();
    } finally {
      await this.release(session, key);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const session = this.current ?? (await this.connecting?.catch(() => null));
    this.current = null;
    this.connecting = null;
    await session?.end().catch(() => undefined);
  }

  private async acquire(conversationId: string, key: string): Promise<pg.Client> {
    const started = Date.now();
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
      const session = await this.session();
      if (await this.tryLock(session, key)) return session;
      const waited = Date.now() - started;
      const remaining = this.options.timeoutMs - waited;
      if (remaining <= 0) throw new TurnLockTimeoutError(conversationId, waited);
      // Jitter keeps two waiting replicas from polling in step; the last try is at the deadline.
      await sleep(Math.min(remaining, pause / 2 + Math.random() * (pause / 2)));
    }
  }

  private async tryLock(session: pg.Client, key: string): Promise<boolean> {
    try {
      const result = await session.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1::bigint) AS locked',
        [key],
      );
      return result.rows[0]?.locked === true;
    } catch (error) {
      this.drop(session);
      throw error;
    }
  }

  private async release(session: pg.Client, key: string): Promise<void> {
    // A replaced session took its locks with it when it ended.
    if (session !== this.current) return;
    try {
      await session.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    } catch {
      this.drop(session);
    }
  }

  private session(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('The turn lock is closed.'));
    if (this.current) return Promise.resolve(this.current);
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client(this.options.clientConfig);
    // Without a listener, a broken connection's 'error' event would crash the process.
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    } finally {
      this.connecting = null;
    }
    if (this.closed) {
      await client.end();
      throw new Error('The turn lock is closed.');
    }
    this.current = client;
    return client;
  }

  private drop(client: pg.Client): void {
    if (this.current !== client) return;
    this.current = null;
    void client.end().catch(() => undefined);
  }
}

/** A signed 64-bit key from the conversation id, as PostgreSQL's bigint advisory locks take. */
export function lockKey(namespace: string, conversationId: string): string {
  const digest = createHash('sha256').update(`${namespace}\u0000${conversationId}`).digest();
  return digest.readBigInt64BE(0).toString();
}
