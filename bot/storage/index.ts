export { EtagCheckedConversationState } from './etagCheckedConversationState.js';
export { EtagCheckedUserState } from './etagCheckedUserState.js';
export { SqliteKeyValueRecords, type KeyValueRecords } from './kvRecords.js';
export { SqliteProcessedActivities, type ProcessedActivities } from './processedActivities.js';
export { openSqliteDatabase, type SqliteDatabaseOptions } from './sqliteDatabase.js';
export {
  applySqliteMigrations,
  SQLITE_MIGRATIONS,
  type SqliteMigration,
} from './sqliteMigrations.js';
export { SqliteStorage } from './sqliteStorage.js';
export { ABSENT_ETAG, StateETagTracker } from './stateETagTracker.js';
