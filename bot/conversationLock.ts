import type { TurnLock } from './turnLock.js';

/**
 * Runs the turns of one conversation one at a time inside this process; turns of different
 * conversations run concurrently. Across replicas, PostgreSQL's turn lock is layered under it.
 */
export class ConversationLock implements TurnLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.tails.set(conversationId, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    }
  }

  /** Conversations with a turn running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
