import { expect } from 'chai';
import pg from 'pg';
import { postgresClientConfig } from '../../../bot/storage/postgresPool.js';
import { PostgresTurnLock, lockKey } from '../../../bot/storage/postgresTurnLock.js';
import { TurnLockTimeoutError } from '../../../bot/turnLock.js';
import { createTestSchema, type TestSchema } from '../../support/postgresSchema.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('PostgresTurnLock', function () {
  let schema: TestSchema;
  const locks: PostgresTurnLock[] = [];

  /** A lock as one bot process holds it: its own session. */
  function processLock(timeoutMs = 5000): PostgresTurnLock {
    const clientConfig = postgresClientConfig(schema.options());
    const lock = new PostgresTurnLock({ clientConfig, namespace: schema.name, timeoutMs });
    locks.push(lock);
    return lock;
  }

  beforeEach(async function () {
    schema = await createTestSchema();
  });

  afterEach(async function () {
    await Promise.all(locks.splice(0).map((lock) => lock.close()));
    await schema.drop();
  });

  it('when two processes run turns of one conversation, then the second starts after the first ends', async function () {
    const [first, second] = [processLock(), processLock()];
    const order: string[] = [];
    const holding = deferred();
    const release = deferred();

    const one = first.run('conv-1', async () => {
      order.push('first:start');
      holding.resolve();
      await release.promise;
      order.push('first:end');
    });
    await holding.promise;
    const two = second.run('conv-1', async () => void order.push('second:start'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release.resolve();
    await Promise.all([one, two]);

    expect(order).to.deep.equal(['first:start', 'first:end', 'second:start']);
  });

  it('when two processes run turns of different conversations, then they run side by side', async function () {
    const [first, second] = [processLock(), processLock()];
    const [holding, release] = [deferred(), deferred()];

    const one = first.run('conv-a', () => {
      holding.resolve();
      return release.promise;
    });
    await holding.promise;
    const two = await second.run('conv-b', async () => 'ran alongside');
    release.resolve();
    await one;

    expect(two).to.equal('ran alongside');
  });

  it('when the lock stays taken past the timeout, then the waiting turn fails with TURN_LOCK_TIMEOUT', async function () {
    const [holder, waiter] = [processLock(), processLock(200)];
    const [holding, release] = [deferred(), deferred()];
    const held = holder.run('conv-1', () => {
      holding.resolve();
      return release.promise;
    });
    await holding.promise;

    let error: unknown;
    await waiter.run('conv-1', async () => 'never').catch((caught) => (error = caught));
    release.resolve();
    await held;

    expect(error).to.be.instanceOf(TurnLockTimeoutError);
    expect((error as TurnLockTimeoutError).code).to.equal('TURN_LOCK_TIMEOUT');
  });

  it('when the process holding the lock dies, then its session ends and another process gets the lock', async function () {
    const waiter = processLock();
    const dying = new pg.Client(postgresClientConfig(schema.options()));
    await dying.connect();
    await dying.query('SELECT pg_advisory_lock($1::bigint)', [lockKey(schema.name, 'conv-1')]);

    const turn = waiter.run('conv-1', async () => 'after the crash');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await dying.end();

    expect(await turn).to.equal('after the crash');
  });

  it('when a turn fails, then the lock is released for the next turn', async function () {
    const [first, second] = [processLock(), processLock(1000)];

    await first.run('conv-1', () => Promise.reject(new Error('boom'))).catch(() => undefined);

    expect(await second.run('conv-1', async () => 'next')).to.equal('next');
  });
});
