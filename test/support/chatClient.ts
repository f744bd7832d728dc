import { randomUUID } from 'node:crypto';
import axios from 'axios';
import type { Activity } from 'botbuilder';
import { signIdentityToken } from '../../bot/identity.js';

export interface ChatOptions {
  clientId?: number;
  /** Overrides the token (forged, expired, foreign). */
  token?: string | null;
  secret?: string;
  locale?: string;
  conversationId?: string;
  /** Where the bot sends messages outside a turn (proactive); nothing listens by default. */
  serviceUrl?: string;
}

/** A customer talking to the bot over `/api/messages` with `deliveryMode: expectReplies`. */
export class ChatClient {
  readonly conversationId: string;
  private tokenPromise: Promise<string | null>;

  constructor(
    private readonly botUrl: string,
    private readonly options: ChatOptions = {},
  ) {
    this.conversationId = options.conversationId ?? `conv-${randomUUID()}`;
    this.tokenPromise = this.initialToken();
  }

  useToken(token: string | null): void {
    this.tokenPromise = Promise.resolve(token);
  }

  /** Sends text (or a button press) and returns the message replies. */
  async say(
    input: string | { text?: string; value?: unknown },
    activityId: string = randomUUID(),
  ): Promise<Partial<Activity>[]> {
    const activity = await this.activity(input, activityId);
    return this.post(activity);
  }

  /** Every activity the bot answered with (events too), not only messages. */
  async all(input: string | { text?: string; value?: unknown }): Promise<Partial<Activity>[]> {
    const response = await axios.post<{ activities?: Partial<Activity>[] }>(
      `${this.botUrl}/api/messages`,
      await this.activity(input, randomUUID()),
    );
    return response.data.activities ?? [];
  }

  async post(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const response = await axios.post<{ activities?: Partial<Activity>[] }>(
      `${this.botUrl}/api/messages`,
      activity,
      {
        validateStatus: () => true,
      },
    );
    if (response.status !== 200)
      throw new Error(`bot answered ${response.status}: ${JSON.stringify(response.data)}`);
    return (response.data.activities ?? []).filter((a) => a.type === 'message');
  }

  async texts(
    input: string | { text?: string; value?: unknown },
    activityId?: string,
  ): Promise<string[]> {
    return (await this.say(input, activityId)).map((a) => a.text ?? '');
  }

  async activity(
    input: string | { text?: string; value?: unknown },
    activityId: string,
  ): Promise<Partial<Activity>> {
    const token = await this.tokenPromise;
    const body = typeof input === 'string' ? { text: input } : input;
    return {
      type: 'message',
      id: activityId,
      channelId: 'directline',
      serviceUrl: this.options.serviceUrl ?? 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      locale: this.options.locale,
      from: { id: `user-${this.options.clientId ?? 'guest'}`, name: 'customer', role: 'user' },
      recipient: { id: 'bot', name: 'bot', role: 'bot' },
      conversation: {
        id: this.conversationId,
        isGroup: false,
        conversationType: 'personal',
        name: '',
      },
      channelData: token ? { identityToken: token } : {},
      ...body,
    };
  }

  private initialToken(): Promise<string | null> {
    if (this.options.token !== undefined) return Promise.resolve(this.options.token);
    if (!this.options.clientId) return Promise.resolve(null);
    return signIdentityToken({ clientId: this.options.clientId }, this.options.secret ?? '');
  }
}

/** The value of a button whose title matches, as a channel would send it back. */
export function buttonValue(
  reply: Partial<Activity> | undefined,
  title: RegExp,
): { text: string; value: unknown } {
  const action = reply?.suggestedActions?.actions.find((a) => title.test(a.title ?? ''));
  if (!action) throw new Error(`no button ${title} in ${JSON.stringify(reply?.suggestedActions)}`);
  return { text: action.title ?? '', value: action.value };
}

export function invoiceIdIn(text: string | undefined): number {
  const match = /#(\d+)/.exec(text ?? '');
  if (!match?.[1]) throw new Error(`no invoice number in: ${text}`);
  return Number(match[1]);
}
