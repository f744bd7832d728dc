import './nodeGlobals.js';
import axios from 'axios';
import {
  DirectLine,
  type Activity,
  type DirectLineOptions,
  type Message,
} from 'botframework-directlinejs';
import type { BotUnderTest } from '../support/botServer.js';

/** A received message; the library's types omit `replyToId`. */
export type ReceivedMessage = Message & { replyToId?: string };

export interface ChatSession {
  token: string;
  conversationId: string;
  userId: string;
  expiresIn: number;
}

/** A chat token as the chat page gets it, for a signed-in customer or a guest. */
export async function chatSession(bot: BotUnderTest, identityToken?: string): Promise<ChatSession> {
  const response = await axios.post<ChatSession>(
    `${bot.url}/api/chat/token`,
    identityToken ? { identityToken } : {},
  );
  return response.data;
}

/** The official Direct Line client against our server, collecting every activity it receives. */
export class DirectLineTestClient {
  readonly directLine: DirectLine;
  readonly received: Activity[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly subscription: { unsubscribe(): void };

  constructor(bot: BotUnderTest, options: DirectLineOptions) {
    this.directLine = new DirectLine({ domain: `${bot.url}/v3/directline`, ...options });
    this.subscription = this.directLine.activity$.subscribe((activity) => {
      this.received.push(activity);
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** Posts an activity and resolves with the server's id. */
  send(activity: Partial<Activity> & { type: string }): Promise<string> {
    return new Promise((resolve, reject) => {
      this.directLine
        .postActivity({ from: { id: 'ignored' }, ...activity } as Activity)
        .subscribe({ next: (id: string) => resolve(id), error: reject });
    });
  }

  say(text: string, extra: Record<string, unknown> = {}): Promise<string> {
    return this.send({ type: 'message', text, ...extra });
  }

  /** The first received activity (in order, from `from` on) matching the predicate. */
  waitFor(
    predicate: (activity: Activity) => boolean,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<Activity> {
    const find = () => this.received.slice(options.from ?? 0).find(predicate);
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching activity; received ${JSON.stringify(this.summary())}`));
      }, options.timeoutMs ?? 10_000);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** The bot's next message after the given count of received activities. */
  async botMessage(from: number, text?: RegExp): Promise<ReceivedMessage> {
    const found = await this.waitFor(
      (a) =>
        a.type === 'message' &&
        a.from.role === 'bot' &&
        (!text || text.test((a as { text?: string }).text ?? '')),
      { from },
    );
    return found as ReceivedMessage;
  }

  summary(): string[] {
    return this.received.map(
      (a) => `${a.from.role}:${a.type}:${(a as { text?: string }).text ?? ''}`,
    );
  }

  end(): void {
    this.subscription.unsubscribe();
    this.directLine.end();
  }
}

export function titlesOf(message: ReceivedMessage): string[] {
  return (message.suggestedActions?.actions ?? []).map(
    (a) => (a as { title?: string }).title ?? '',
  );
}

export function textOf(activity: Activity | undefined): string {
  return (activity as { text?: string } | undefined)?.text ?? '';
}
