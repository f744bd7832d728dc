import { expect } from 'chai';
import { ConversationLock } from '../../bot/conversationLock.js';
import {
  LayeredTurnLock,
  TimedTurnLock,
  TurnLockTimeoutError,
  type TurnLock,
} from '../../bot/turnLock.js';

/** A lock that records when it is taken and released, around the work. */
function recordingLock(name: string, events: string[]): TurnLock {
  return {
    run: async (conversationId, work) => {
      events.push(`${name}:lock ${conversationId}`);
      try {
        return await work();
      } finally {
        events.push(`${name}:unlock`);
      }
    },
  };
}

describe('turn locks', () => {
  it('when locks are layered, then the outer one is taken first and released last', async () => {
    const events: string[] = [];
    const lock = new LayeredTurnLock(recordingLock('process', events), recordingLock('db', events));

    const result = await lock.run('c1', async () => {
      events.push('turn');
      return 'done';
    });

    expect(result).to.equal('done');
    expect(events).to.deep.equal([
      'process:lock c1',
      'db:lock c1',
      'turn',
      'db:unlock',
      'process:unlock',
    ]);
  });

  it('when a turn waits behind another, then the wait is reported and the work is not timed', async () => {
    const waits: number[] = [];
    let clock = 0;
    const lock = new TimedTurnLock(
      new ConversationLock(),
      { waited: (ms) => waits.push(ms), timedOut: () => undefined },
      () => clock,
    );

    const first = lock.run('c1', async () => {
      clock += 30;
    });
    const second = lock.run('c1', async () => {
      clock += 1000;
    });
    await Promise.all([first, second]);

    expect(waits).to.deep.equal([0, 30]);
  });

  it('when the lock times out, then the timeout is reported and the error passes through', async () => {
    let timeouts = 0;
    const timingOut: TurnLock = {
      run: () => Promise.reject(new TurnLockTimeoutError('c1', 10)),
    };
    const lock = new TimedTurnLock(timingOut, {
      waited: () => undefined,
      timedOut: () => (timeouts += 1),
    });

    let error: unknown;
    await lock.run('c1', async () => 'never').catch((caught) => (error = caught));

    expect(error).to.be.instanceOf(TurnLockTimeoutError);
    expect(timeouts).to.equal(1);
  });
});
