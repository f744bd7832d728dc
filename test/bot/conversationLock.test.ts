import { expect } from 'chai';
import { ConversationLock } from '../../bot/conversationLock.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConversationLock', () => {
  it('when two turns of one conversation arrive together, then the second starts after the first ends', async () => {
    const lock = new ConversationLock();
    const order: string[] = [];
    const first = lock.run('c1', async () => {
      order.push('first:start');
      await tick();
      order.push('first:end');
    });
    const second = lock.run('c1', async () => {
      order.push('second:start');
    });
    await Promise.all([first, second]);
    expect(order).to.deep.equal(['first:start', 'first:end', 'second:start']);
    expect(lock.size).to.equal(0);
  });

  it('when turns of different conversations arrive together, then they run side by side', async () => {
    const lock = new ConversationLock();
    const order: string[] = [];
    await Promise.all([
      lock.run('a', async () => {
        order.push('a:start');
        await tick();
        order.push('a:end');
      }),
      lock.run('b', async () => {
        order.push('b:start');
      }),
    ]);
    expect(order).to.deep.equal(['a:start', 'b:start', 'a:end']);
  });

  it('when a turn fails, then the next turn of that conversation still runs', async () => {
    const lock = new ConversationLock();
    const failing = lock.run('c', () => Promise.reject(new Error('boom')));
    const next = lock.run('c', async () => 'ran');
    await failing.catch(() => undefined);
    expect(await next).to.equal('ran');
  });
});
