import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { expect } from 'chai';
import { openSqliteDatabase } from '../../../bot/storage/sqliteDatabase.js';
import { SQLITE_MIGRATIONS, applySqliteMigrations } from '../../../bot/storage/sqliteMigrations.js';
import { SqliteStorage } from '../../../bot/storage/sqliteStorage.js';
import { runIncrementWorkers } from './sqliteIncrementWorker.js';
import { describeStorageConformance } from './storageConformance.js';

function tempDbFile(): { file: string; removeDir(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'oxmail-storage-'));
  return {
    file: join(dir, 'nested', 'bot.sqlite'),
    removeDir: () => rmSync(dir, { recursive: true, force: true }),
  };
}

describeStorageConformance('SQLite file, two connections', async () => {
  const { file, removeDir } = tempDbFile();
  const first = openSqliteDatabase({ file });
  const second = openSqliteDatabase({ file });
  return {
    storage: new SqliteStorage(first),
    second: new SqliteStorage(second),
    cleanup: async () => {
      first.close();
      second.close();
      removeDir();
    },
  };
});

describeStorageConformance('SQLite :memory:', async () => {
  const db = openSqliteDatabase({ file: ':memory:' });
  return { storage: new SqliteStorage(db), cleanup: async () => void db.close() };
});

describe('SQLite database', function () {
  let temp: ReturnType<typeof tempDbFile>;
  const open: Database[] = [];

  function openDb(): Database {
    const db = openSqliteDatabase({ file: temp.file });
    open.push(db);
    return db;
  }

  beforeEach(function () {
    temp = tempDbFile();
  });

  afterEach(function () {
    open.splice(0).forEach((db) => db.close());
    temp.removeDir();
  });

  it('when a file database is opened, then it uses WAL, a busy timeout and foreign keys', function () {
    const db = openDb();

    expect(db.pragma('journal_mode', { simple: true })).to.equal('wal');
    expect(db.pragma('busy_timeout', { simple: true })).to.equal(5000);
    expect(db.pragma('synchronous', { simple: true })).to.equal(1);
    expect(db.pragma('foreign_keys', { simple: true })).to.equal(1);
  });

  it('when the database is opened twice, then every migration is recorded once', function () {
    openDb();
    const db = openDb();

    const ids = db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();

    expect(ids).to.deep.equal(SQLITE_MIGRATIONS.map((migration) => migration.id));
    expect(applySqliteMigrations(db)).to.deep.equal([]);
  });

  it('when a new migration is appended, then only it is applied', function () {
    const db = openDb();
    const next = [...SQLITE_MIGRATIONS, { id: '9999_test', sql: 'CREATE TABLE t (x INTEGER)' }];

    expect(applySqliteMigrations(db, next)).to.deep.equal(['9999_test']);
    expect(applySqliteMigrations(db, next)).to.deep.equal([]);
  });

  it('when a migration fails, then it is rolled back and not recorded', function () {
    const db = openDb();
    const broken = { id: '9998_broken', sql: 'CREATE TABLE half (x); CREATE TABLE half (y)' };

    expect(() => applySqliteMigrations(db, [broken])).to.throw();

    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all();
    expect(tables).to.deep.equal([]);
    expect(db.prepare('SELECT id FROM schema_migrations WHERE id = ?').get(broken.id)).to.equal(
      undefined,
    );
  });

  it('when the database is closed and reopened, then stored items survive', async function () {
    const db = openDb();
    await new SqliteStorage(db).write({ 'conv/1': { topic: 'upgrade' } });
    db.close();
    open.splice(open.indexOf(db), 1);

    const items = await new SqliteStorage(openDb()).read(['conv/1']);

    expect(items['conv/1']).to.include({ topic: 'upgrade' });
  });

  it('when an item is written, then its row holds the document without the eTag', async function () {
    const db = openDb();
    await new SqliteStorage(db).write({ key: { v: 1, eTag: '*' } });

    const row = db.prepare('SELECT etag, doc FROM bot_state WHERE key = ?').get('key') as {
      etag: string;
      doc: string;
    };

    expect(JSON.parse(row.doc)).to.deep.equal({ v: 1 });
    expect(row.etag).to.match(/^[0-9a-f-]{36}$/);
  });
});

describe('SQLite storage across threads', function () {
  it('when two threads increment one counter through their own connections, then no increment is lost', async function () {
    const temp = tempDbFile();
    const db = openSqliteDatabase({ file: temp.file });
    try {
      await runIncrementWorkers(temp.file, 2, 500);

      const items = await new SqliteStorage(db).read(['counter']);
      expect(items.counter).to.include({ count: 1000 });
    } finally {
      db.close();
      temp.removeDir();
    }
  });
});
