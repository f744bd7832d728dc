import { AppError } from '../clientzone/appError.js';
import { ConversationLock } from './conversationLock.js';

/** Runs the turns of one conversation one at a time; how far that reaches depends on the lock. */
export interface TurnLock {
  run<T>(conversationId: string, work: () => Promise<T>): Promise<T>;
}

/** Thrown when a conversation's turn lock stays taken for longer than its timeout. */
export class TurnLockTimeoutError extends AppError {
  constructor(conversationId: string, waitedMs: number) {
    super(
      'TURN_LOCK_TIMEOUT',
      `Turn lock of conversation "${conversationId}" still taken after ${waitedMs} ms.`,
    );
    this.name = 'TurnLockTimeoutError';
  }
}

/**
 * Takes the locks in order, outermost first, e.g. the in-process lock and then the database lock:
 * turns of one process queue in memory, so each process waits for the database lock at most once
 * per conversation at a time.
 */
export class LayeredTurnLock implements TurnLock {
  private readonly layers: readonly TurnLock[];

  constructor(...layers: TurnLock[]) {
    this.layers = layers;
  }

  run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const nest = (index: number): Promise<T> => {
      const layer = this.layers[index];
      return layer ? layer.run(conversationId, () => nest(index + 1)) : work();
    };
    return nest(0);
  }
}

export interface TurnLockObserver {
  /** A turn got its lock after `ms`. */
  waited(ms: number): void;
  /** A turn gave up waiting for its lock. */
  timedOut(): void;
}

/** Reports how long each turn waited for its lock, and lock timeouts; the work is not timed. */
export class TimedTurnLock implements TurnLock {
  constructor(
    private readonly inner: TurnLock,
    private readonly observer: TurnLockObserver,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const asked = this.now();
    try {
      return await this.inner.run(conversationId, () => {
        this.observer.waited(this.now() - asked);
        return work();
      });
    } catch (error) {
      if (error instanceof TurnLockTimeoutError) this.observer.timedOut();
      throw error;
    }
  }
}

/**
 * The bot's turn lock: the in-process queue, then the database's lock when replicas share the
 * database (PostgreSQL), timed for /metrics.
 */
export function createTurnLock(shared: TurnLock | null, observer: TurnLockObserver): TurnLock {
  const inProcess = new ConversationLock();
  const layered = shared ? new LayeredTurnLock(inProcess, shared) : inProcess;
  return new TimedTurnLock(layered, observer);
}
