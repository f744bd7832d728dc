import { randomBytes } from 'node:crypto';
import type { Request } from 'restify';
import { CHANNEL_ID, userActivity } from './activityShapes.js';
import type { BotBridge } from './botBridge.js';
import type {
  AccountJson,
  ActivitySet,
  DirectLineActivity,
  DirectLineConversation,
} from './conversation.js';
import type { ConversationStore } from './conversationStore.js';
import { DirectLineError, bearerOf, socketOrigin } from './directLineHttp.js';
import {
  SESSION_MAX_SECONDS,
  type DirectLineGrant,
  type DirectLineTokens,
} from './directLineTokens.js';

/** Who calls: the holder of DIRECTLINE_SECRET (any conversation) or of a token (its own one). */
export type Caller = { kind: 'secret' } | { kind: 'token'; grant: DirectLineGrant };

/** The Direct Line Conversation object of the REST API. */
export interface ConversationResponse {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

export interface DirectLineServiceDeps {
  store: ConversationStore;
  tokens: DirectLineTokens;
  bridge: BotBridge;
  bot: AccountJson;
  /** How long a POST of an activity waits for the bot's turn before answering anyway. */
  turnWaitMs: number;
  now: () => Date;
}

export const newConversationId = (): string => randomBytes(16).toString('base64url');

/** The Direct Line 3.0 operations, independent of HTTP routing. */
export class DirectLineService {
  constructor(private readonly deps: DirectLineServiceDeps) {}

  async callerOf(req: Request): Promise<Caller> {
    const bearer = bearerOf(req);
    if (this.deps.tokens.isSecret(bearer)) return { kind: 'secret' };
    return { kind: 'token', grant: await this.deps.tokens.verify(bearer) };
  }

  /** Starts (201) or returns (200) the caller's conversation; the bot gets conversationUpdate once. */
  async start(
    req: Request,
    caller: Caller,
    body: Record<string, unknown>,
  ): Promise<{ status: number; conversation: ConversationResponse }> {
    const grant =
      caller.kind === 'token' ? caller.grant : this.secretGrant(newConversationId(), body);
    const { conversation } = this.deps.store.ensure(grant.conversationId, grant.userId);
    const first = !conversation.started;
    if (first) {
      conversation.started = true;
      conversation.locale = typeof body.locale === 'string' ? body.locale.slice(0, 20) : null;
      this.deliver(this.conversationUpdate(conversation, grant), grant).catch(() => undefined);
    }
    return { status: first ? 201 : 200, conversation: await this.describe(req, grant, null) };
  }

  /** Reconnect: a fresh stream URL that replays after the watermark (everything without one). */
  async reconnect(
    req: Request,
    caller: Caller,
    conversationId: string,
    watermark: string | null,
  ): Promise<ConversationResponse> {
    const { grant } = this.open(caller, conversationId);
    return this.describe(req, grant, watermark);
  }

  async post(
    caller: Caller,
    conversationId: string,
    body: Record<string, unknown>,
  ): Promise<{ id: string }> {
    const { conversation, grant } = this.open(caller, conversationId);
    const user = { id: grant.userId, ...(grant.userName ? { name: grant.userName } : {}) };
    const activity = userActivity(body, conversation.id, user, this.deps.bot);
    if (activity.type === 'typing') return { id: conversation.broadcast(activity).id };
    const stored = conversation.append(activity);
    await this.withinTurnWait(this.deliver(stored, grant));
    return { id: stored.id };
  }

  activities(caller: Caller, conversationId: string, watermark: string | null): ActivitySet {
    return this.open(caller, conversationId).conversation.after(watermark);
  }

  /** The conversation a caller may use: a token only its own (403), the secret any known one. */
  open(
    caller: Caller,
    conversationId: string,
  ): { conversation: DirectLineConversation; grant: DirectLineGrant } {
    if (caller.kind === 'token') {
      if (caller.grant.conversationId !== conversationId) {
        throw new DirectLineError('Forbidden', 'The token is for another conversation');
      }
      const { conversation } = this.deps.store.ensure(conversationId, caller.grant.userId);
      return { conversation, grant: caller.grant };
    }
    const conversation = this.deps.store.get(conversationId);
    if (!conversation) throw new DirectLineError('NotFound', 'Unknown conversation');
    return {
      conversation,
      grant: this.secretGrant(conversation.id, { user: { id: conversation.userId } }),
    };
  }

  /** A grant for a secret holder's conversation: never a verified customer. */
  secretGrant(conversationId: string, body: Record<string, unknown>): DirectLineGrant {
    const user = body.user as { id?: unknown; name?: unknown } | undefined;
    const userId =
      typeof user?.id === 'string' ? user.id : `dl_${randomBytes(9).toString('base64url')}`;
    if (!/^[\w.:@-]{1,64}$/.test(userId) || userId.startsWith('cz-')) {
      throw new DirectLineError('BadArgument', 'Invalid user id');
    }
    return {
      conversationId,
      userId,
      userName: typeof user?.name === 'string' ? user.name.slice(0, 100) : null,
      identity: null,
      sessionExpiresAt: Math.floor(this.deps.now().getTime() / 1000) + SESSION_MAX_SECONDS,
    };
  }

  private async describe(
    req: Request,
    grant: DirectLineGrant,
    watermark: string | null,
  ): Promise<ConversationResponse> {
    const issued = await this.deps.tokens.issue(grant);
    const query = new URLSearchParams({ t: await this.deps.tokens.streamToken(grant) });
    if (watermark) query.set('watermark', watermark);
    const path = `/v3/directline/conversations/${encodeURIComponent(grant.conversationId)}/stream`;
    return {
      conversationId: grant.conversationId,
      token: issued.token,
      expires_in: issued.expiresIn,
      streamUrl: `${socketOrigin(req)}${path}?${query}`,
    };
  }

  private deliver(activity: DirectLineActivity, grant: DirectLineGrant): Promise<void> {
    return this.deps.bridge.deliver(activity, grant.identity);
  }

  /** Answers once the bot is done (its replies are then readable), or after turnWaitMs anyway. */
  private async withinTurnWait(turn: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.deps.turnWaitMs);
    });
    try {
      await Promise.race([turn, waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  private conversationUpdate(
    conversation: DirectLineConversation,
    grant: DirectLineGrant,
  ): DirectLineActivity {
    const user = {
      id: grant.userId,
      ...(grant.userName ? { name: grant.userName } : {}),
      role: 'user',
    };
    return {
      type: 'conversationUpdate',
      id: `${conversation.id}|${this.deps.store.epoch}.start`,
      timestamp: this.deps.now().toISOString(),
      channelId: CHANNEL_ID,
      conversation: { id: conversation.id },
      from: user,
      recipient: this.deps.bot,
      membersAdded: [user, this.deps.bot],
      ...(conversation.locale ? { locale: conversation.locale } : {}),
    };
  }
}
