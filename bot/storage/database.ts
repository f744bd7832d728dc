import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Storage } from 'botbuilder';
import type { Pool } from 'pg';
import type { DatabaseSettings } from '../config.js';
import type { Logger } from '../logger.js';
import type { TurnLock } from '../turnLock.js';
import { SqliteKeyValueRecords, type KeyValueRecords } from './kvRecords.js';
import { openPostgresDatabase } from './postgresDatabase.js';
import { SqliteProcessedActivities, type ProcessedActivities } from './processedActivities.js';
import { openSqliteDatabase } from './sqliteDatabase.js';
import { SqliteStorage } from './sqliteStorage.js';

/**
 * The bot's database, whichever engine: state, processed activity ids and small records.
 * Repositories of later records (reminders, the handoff queue) join here, one implementation per
 * engine, built from `sqlite` or `pool`, and their tables join the engine's migration list.
 */
interface DatabaseHandle {
  readonly storage: Storage;
  readonly processed: ProcessedActivities;
  readonly records: KeyValueRecords;
  /** Serialises a conversation's turns across the processes sharing the database, if they can. */
  readonly sharedTurnLock: TurnLock | null;
  health(): Promise<'ok' | 'unavailable'>;
  close(): Promise<void>;
}

export interface SqliteBotDatabase extends DatabaseHandle {
  readonly engine: 'sqlite';
  readonly sqlite: Database;
}

export interface PostgresBotDatabase extends DatabaseHandle {
  readonly engine: 'postgres';
  readonly pool: Pool;
}

export type BotDatabase = SqliteBotDatabase | PostgresBotDatabase;

export interface DatabaseChoice {
  /** `postgres://...`: PostgreSQL; null: SQLite in `dataDir`. */
  readonly url: string | null;
  readonly dataDir: string;
  readonly settings: DatabaseSettings;
}

/** Opens and migrates the database DATABASE_URL chooses: PostgreSQL if set, else SQLite. */
export async function openBotDatabase(
  choice: DatabaseChoice,
  logger: Logger,
): Promise<BotDatabase> {
  if (choice.url === null) return sqliteBotDatabase(path.join(choice.dataDir, 'bot.sqlite'));
  const { settings } = choice;
  const pg = await openPostgresDatabase({
    url: choice.url,
    ...settings,
    onIdleError: (error) => logger.warn({ err: error.message }, 'idle database connection failed'),
  });
  return {
    engine: 'postgres',
    pool: pg.pool,
    storage: pg.storage,
    processed: pg.processed,
    records: pg.records,
    sharedTurnLock: pg.turnLock,
    health: () => probe(() => pg.pool.query('SELECT 1')),
    close: () => pg.close(),
  };
}

/** SQLite in `file`: one process at a time; the in-process lock serialises its turns. */
export function sqliteBotDatabase(file: string): SqliteBotDatabase {
  const sqlite = openSqliteDatabase({ file });
  return {
    engine: 'sqlite',
    sqlite,
    storage: new SqliteStorage(sqlite),
    processed: new SqliteProcessedActivities(sqlite),
    records: new SqliteKeyValueRecords(sqlite),
    sharedTurnLock: null,
    health: () => probe(async () => sqlite.prepare('SELECT 1').get()),
    close: async () => void sqlite.close(),
  };
}

async function probe(query: () => Promise<unknown>): Promise<'ok' | 'unavailable'> {
  try {
    await query();
    return 'ok';
  } catch {
    return 'unavailable';
  }
}

/** The SQLite connection, for tools that query SQLite directly (the bench); throws on PostgreSQL. */
export function sqliteConnectionOf(database: BotDatabase): Database {
  if (database.engine !== 'sqlite') throw new TypeError('The bot database is not SQLite.');
  return database.sqlite;
}
