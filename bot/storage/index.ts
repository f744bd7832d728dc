export {
  openBotDatabase,
  sqliteBotDatabase,
  type BotDatabase,
  type DatabaseChoice,
  type PostgresBotDatabase,
  type SqliteBotDatabase,
} from './database.js';
export { EtagCheckedConversationState } from './etagCheckedConversationState.js';
export { EtagCheckedUserState } from './etagCheckedUserState.js';
export { SqliteKeyValueRecords, type KeyValueRecords } from './kvRecords.js';
export { SqliteProcessedActivities, type ProcessedActivities } from './processedActivities.js';
export { PostgresKeyValueRecords } from './postgresKeyValueRecords.js';
export {
  applyPostgresMigrations,
  POSTGRES_MIGRATIONS,
  type PostgresMigration,
} from './postgresMigrations.js';
export { createPostgresPool, type PostgresOptions } from './postgresPool.js';
export { PostgresProcessedActivities } from './postgresProcessedActivities.js';
export { PostgresStorage } from './postgresStorage.js';
export { PostgresTurnLock } from './postgresTurnLock.js';
export { openSqliteDatabase, type SqliteDatabaseOptions } from './sqliteDatabase.js';
export {
  applySqliteMigrations,
  SQLITE_MIGRATIONS,
  type SqliteMigration,
} from './sqliteMigrations.js';
export { SqliteStorage } from './sqliteStorage.js';
export { ABSENT_ETAG, StateETagTracker } from './stateETagTracker.js';
