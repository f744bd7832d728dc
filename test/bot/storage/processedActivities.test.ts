import type { Database } from 'better-sqlite3';
import { expect } from 'chai';
import { SqliteProcessedActivities } from '../../../bot/storage/processedActivities.js';
import { openSqliteDatabase } from '../../../bot/storage/sqliteDatabase.js';

describe('SqliteProcessedActivities', function () {
  let db: Database;
  let now: number;
  let processed: SqliteProcessedActivities;

  beforeEach(function () {
    db = openSqliteDatabase({ file: ':memory:' });
    now = Date.UTC(2024, 4, 1);
    processed = new SqliteProcessedActivities(db, () => now);
  });

  afterEach(function () {
    db.close();
  });

  it('when an activity id is marked for the first time, then it is new', async function () {
    expect(await processed.markProcessed('act-1', 'conv-1')).to.equal(true);
  });

  it('when a channel retries the same activity id, then it is reported as already processed', async function () {
    await processed.markProcessed('act-1', 'conv-1');

    expect(await processed.markProcessed('act-1', 'conv-1')).to.equal(false);
  });

  it('when two conversations use the same activity id, then each is new', async function () {
    await processed.markProcessed('1', 'telegram-chat-a');

    expect(await processed.markProcessed('1', 'telegram-chat-b')).to.equal(true);
  });

  it('when concurrent marks race for one id, then exactly one is new', async function () {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => processed.markProcessed('act-1', 'conv-1')),
    );

    expect(results.filter(Boolean)).to.have.length(1);
  });

  it('when pruning, then only ids older than the limit are removed and can be processed again', async function () {
    await processed.markProcessed('old', 'conv-1');
    now += 60_000;
    await processed.markProcessed('recent', 'conv-1');
    now += 30_000;

    const removed = await processed.prune(45_000);

    expect(removed).to.equal(1);
    expect(await processed.markProcessed('old', 'conv-1')).to.equal(true);
    expect(await processed.markProcessed('recent', 'conv-1')).to.equal(false);
  });

  it('when nothing is old enough, then prune removes nothing', async function () {
    await processed.markProcessed('act-1', 'conv-1');

    expect(await processed.prune(1_000)).to.equal(0);
  });
});
