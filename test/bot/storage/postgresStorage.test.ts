import { expect } from 'chai';
import type { Pool } from 'pg';
import { createPostgresPool } from '../../../bot/storage/postgresPool.js';
import {
  POSTGRES_MIGRATIONS,
  applyPostgresMigrations,
} from '../../../bot/storage/postgresMigrations.js';
import { PostgresStorage } from '../../../bot/storage/postgresStorage.js';
import { createTestSchema, type TestSchema } from '../../support/postgresSchema.js';
import { describeStorageConformance } from './storageConformance.js';

/** Two pools on one fresh schema: the second stands in for another bot process. */
describeStorageConformance('PostgreSQL, two pools', async () => {
  const schema = await createTestSchema();
  const first = createPostgresPool(schema.options());
  const second = createPostgresPool(schema.options());
  await applyPostgresMigrations(first, schema.name);
  return {
    storage: new PostgresStorage(first),
    second: new PostgresStorage(second),
    cleanup: async () => {
      await Promise.all([first.end(), second.end()]);
      await schema.drop();
    },
  };
});

describe('PostgreSQL database', function () {
  let schema: TestSchema;
  const pools: Pool[] = [];

  function pool(): Pool {
    const created = createPostgresPool(schema.options());
    pools.push(created);
    return created;
  }

  beforeEach(async function () {
    schema = await createTestSchema();
  });

  afterEach(async function () {
    await Promise.all(pools.splice(0).map((created) => created.end()));
    await schema.drop();
  });

  it('when five processes migrate a new schema at once, then every migration is recorded once', async function () {
    await schema.drop();

    const applied = await Promise.all(
      Array.from({ length: 5 }, () => applyPostgresMigrations(pool(), schema.name)),
    );

    const ids = await schema.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(ids.map((row) => row.id)).to.deep.equal(POSTGRES_MIGRATIONS.map((m) => m.id));
    expect(applied.flat()).to.deep.equal(POSTGRES_MIGRATIONS.map((m) => m.id));
  });

  it('when a new migration is appended, then only it is applied', async function () {
    const db = pool();
    await applyPostgresMigrations(db, schema.name);
    const next = [...POSTGRES_MIGRATIONS, { id: '9999_test', sql: 'CREATE TABLE t (x int)' }];

    expect(await applyPostgresMigrations(db, schema.name, next)).to.deep.equal(['9999_test']);
    expect(await applyPostgresMigrations(db, schema.name, next)).to.deep.equal([]);
  });

  it('when a migration fails, then it is rolled back, not recorded, and the pool stays usable', async function () {
    const db = pool();
    const broken = {
      id: '9998_broken',
      sql: 'CREATE TABLE half (x int); CREATE TABLE half (y int)',
    };

    let error: unknown;
    await applyPostgresMigrations(db, schema.name, [broken]).catch((caught) => (error = caught));

    expect(error).to.be.instanceOf(Error);
    expect(await schema.query("SELECT 1 FROM pg_tables WHERE tablename = 'half'")).to.deep.equal(
      [],
    );
    expect(await schema.query('SELECT id FROM schema_migrations')).to.deep.equal([]);
    expect((await db.query('SELECT 1 AS ok')).rows).to.deep.equal([{ ok: 1 }]);
  });

  it('when an item is written, then its row holds the document without the eTag, in the schema', async function () {
    const db = pool();
    await applyPostgresMigrations(db, schema.name);
    await new PostgresStorage(db).write({ key: { v: 1, eTag: '*' } });

    const rows = await schema.query<{ etag: string; doc: unknown; schemaname: string }>(
      `SELECT etag, doc, (SELECT schemaname FROM pg_tables WHERE tablename = 'bot_state'
         AND schemaname = $1) AS schemaname FROM bot_state WHERE key = 'key'`,
      [schema.name],
    );

    expect(rows).to.have.length(1);
    expect(rows[0]?.doc).to.deep.equal({ v: 1 });
    expect(rows[0]?.etag).to.match(/^[0-9a-f-]{36}$/);
    expect(rows[0]?.schemaname).to.equal(schema.name);
  });

  it('when a key contains NUL and control characters, then it round-trips and stays distinct', async function () {
    const db = pool();
    await applyPostgresMigrations(db, schema.name);
    const storage = new PostgresStorage(db);
    const keys = ['a\u0000b', 'a\u0001b', 'a\u0001\u0001b', 'a\u0002b', 'ab'];

    await storage.write(Object.fromEntries(keys.map((key, i) => [key, { i }])));
    const items = await storage.read(keys);

    expect(keys.map((key) => items[key]?.i)).to.deep.equal([0, 1, 2, 3, 4]);
  });
});
