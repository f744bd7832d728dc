import { DirectLineError } from './directLineHttp.js';
import { DirectLineConversation, type ConversationLimits } from './conversation.js';

export interface StoreLimits extends ConversationLimits {
  maxConversations: number;
  /** A conversation without an open socket is forgotten after this long without activity. */
  idleMs: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = {
  maxConversations: 5000,
  maxActivities: 500,
  maxSubscribers: 3,
  idleMs: 24 * 3_600_000,
};

/**
 * The conversations of this server run, in memory and bounded (least recently used go first).
 * Activity ids and watermarks carry this run's epoch, so after a restart a client's old watermark
 * reads "from the start" and new ids never repeat old ones (the bot's ledger drops repeats).
 */
export class ConversationStore {
  readonly epoch = Date.now().toString(36);
  private readonly conversations = new Map<string, DirectLineConversation>();

  constructor(
    private readonly limits: StoreLimits = DEFAULT_STORE_LIMITS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(id: string): DirectLineConversation | undefined {
    const conversation = this.conversations.get(id);
    if (conversation) this.touch(conversation);
    return conversation;
  }

  /** The conversation, created when this run has not seen it yet; only its own user may use it. */
  ensure(id: string, userId: string): { conversation: DirectLineConversation; created: boolean } {
    const existing = this.get(id);
    if (existing) {
      if (existing.userId !== userId) {
        throw new DirectLineError('Forbidden', 'The conversation belongs to another user');
      }
      return { conversation: existing, created: false };
    }
    const conversation = new DirectLineConversation(id, userId, this.epoch, this.limits, this.now);
    this.conversations.set(id, conversation);
    this.evictOverflow();
    return { conversation, created: true };
  }

  /** Forgets idle conversations that have no open socket. */
  prune(): void {
    const cutoff = this.now().getTime() - this.limits.idleMs;
    for (const [id, conversation] of this.conversations) {
      if (conversation.subscriberCount === 0 && conversation.lastActiveMs < cutoff) {
        this.conversations.delete(id);
      }
    }
  }

  get size(): number {
    return this.conversations.size;
  }

  close(): void {
    for (const conversation of this.conversations.values()) conversation.closeAll('shutdown');
    this.conversations.clear();
  }

  private touch(conversation: DirectLineConversation): void {
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  private evictOverflow(): void {
    while (this.conversations.size > this.limits.maxConversations) {
      const oldest = this.conversations.values().next().value;
      if (!oldest) return;
      oldest.closeAll('evicted');
      this.conversations.delete(oldest.id);
    }
  }
}
