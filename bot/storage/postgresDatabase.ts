import type { Pool } from 'pg';
import type { TurnLock } from '../turnLock.js';
import { PostgresKeyValueRecords } from './postgresKeyValueRecords.js';
import { applyPostgresMigrations } from './postgresMigrations.js';
import { createPostgresPool, postgresClientConfig, type PostgresOptions } from './postgresPool.js';
import { PostgresProcessedActivities } from './postgresProcessedActivities.js';
import { PostgresStorage } from './postgresStorage.js';
import { PostgresTurnLock } from './postgresTurnLock.js';

export interface PostgresDatabaseOptions extends PostgresOptions {
  readonly turnLockTimeoutMs: number;
}

/** Everything the bot keeps in PostgreSQL, over one pool plus the turn lock's session. */
export interface PostgresHandles {
  readonly pool: Pool;
  readonly storage: PostgresStorage;
  readonly processed: PostgresProcessedActivities;
  readonly records: PostgresKeyValueRecords;
  readonly turnLock: TurnLock;
  close(): Promise<void>;
}

/** Creates the pool, migrates (safe when replicas start together) and builds the stores. */
export async function openPostgresDatabase(
  options: PostgresDatabaseOptions,
): Promise<PostgresHandles> {
  const pool = createPostgresPool(options);
  try {
    await applyPostgresMigrations(pool, options.schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const turnLock = new PostgresTurnLock({
    clientConfig: postgresClientConfig(options),
    namespace: options.schema ?? '',
    timeoutMs: options.turnLockTimeoutMs,
  });
  return {
    pool,
    storage: new PostgresStorage(pool),
    processed: new PostgresProcessedActivities(pool),
    records: new PostgresKeyValueRecords(pool),
    turnLock,
    close: async () => {
      await turnLock.close();
      await pool.end();
    },
  };
}
