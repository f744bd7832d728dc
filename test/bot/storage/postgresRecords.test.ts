import { createPostgresPool } from '../../../bot/storage/postgresPool.js';
import { PostgresKeyValueRecords } from '../../../bot/storage/postgresKeyValueRecords.js';
import { applyPostgresMigrations } from '../../../bot/storage/postgresMigrations.js';
import { PostgresProcessedActivities } from '../../../bot/storage/postgresProcessedActivities.js';
import { SqliteKeyValueRecords } from '../../../bot/storage/kvRecords.js';
import { SqliteProcessedActivities } from '../../../bot/storage/processedActivities.js';
import { openSqliteDatabase } from '../../../bot/storage/sqliteDatabase.js';
import { createTestSchema } from '../../support/postgresSchema.js';
import { describeRecordsConformance } from './recordsConformance.js';

describeRecordsConformance('PostgreSQL, two pools', async (now) => {
  const schema = await createTestSchema();
  const first = createPostgresPool(schema.options());
  const second = createPostgresPool(schema.options());
  await applyPostgresMigrations(first, schema.name);
  return {
    processed: new PostgresProcessedActivities(first, now),
    records: new PostgresKeyValueRecords(first, now),
    secondProcessed: new PostgresProcessedActivities(second, now),
    cleanup: async () => {
      await Promise.all([first.end(), second.end()]);
      await schema.drop();
    },
  };
});

describeRecordsConformance('SQLite :memory:', async (now) => {
  const db = openSqliteDatabase({ file: ':memory:' });
  return {
    processed: new SqliteProcessedActivities(db, now),
    records: new SqliteKeyValueRecords(db, now),
    secondProcessed: new SqliteProcessedActivities(db, now),
    cleanup: async () => void db.close(),
  };
});
