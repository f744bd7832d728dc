import pg, { type ClientConfig, type Pool } from 'pg';

export interface PostgresOptions {
  /** `postgres://user:pass@host:5432/db`. */
  readonly url: string;
  /** Schema of every table, set as the connections' search_path; null: the server's default. */
  readonly schema: string | null;
  readonly poolMax: number;
  readonly connectionTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly statementTimeoutMs: number;
  /** Receives errors of idle connections (a restarted server); without it they crash the process. */
  readonly onIdleError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The settings of every connection: search_path, timeouts and TCP keepalive. */
export function postgresClientConfig(options: PostgresOptions): ClientConfig {
  if (options.schema !== null && !SCHEMA_NAME.test(options.schema)) {
    throw new TypeError(`Not a plain schema name: ${options.schema}`);
  }
  return {
    connectionString: options.url,
    application_name: 'oxmail-support-bot',
    connectionTimeoutMillis: options.connectionTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    // Row locks of a write are held for milliseconds; waiting longer means something is stuck.
    lock_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: options.statementTimeoutMs * 3,
    keepAlive: true,
    options: options.schema === null ? undefined : `-c search_path=${options.schema}`,
  };
}

/** The connection pool for state and records. */
export function createPostgresPool(options: PostgresOptions): Pool {
  const pool = new pg.Pool({
    ...postgresClientConfig(options),
    max: options.poolMax,
    idleTimeoutMillis: options.idleTimeoutMs,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}

/** Runs `work` in one transaction on one connection; a failed connection is not reused. */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').then(
      () => client.release(),
      (rollbackError: Error) => client.release(rollbackError),
    );
    throw error;
  }
}
