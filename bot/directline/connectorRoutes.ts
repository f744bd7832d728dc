import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import { botActivity } from './activityShapes.js';
import type { AccountJson } from './conversation.js';
import type { ConversationStore } from './conversationStore.js';
import { DirectLineError, bodyOf, handle, paramOf } from './directLineHttp.js';

/** Prefix of the serviceUrl the bot replies to; the key after it is a capability, not a secret. */
export const CONNECTOR_BASE = '/v3/directline/bot';

export interface ConnectorRouteDeps {
  store: ConversationStore;
  /** Derived from DIRECTLINE_SECRET; without it nobody can post "bot" messages to a customer. */
  key: string;
  bot: AccountJson;
  logger: Logger;
}

/**
 * The Bot Framework connector API the bot calls for Direct Line conversations: replies of a turn
 * (`.../activities/:activityId`) and proactive messages (`.../activities`).
 */
export function registerConnectorRoutes(server: Server, deps: ConnectorRouteDeps): void {
  const base = `${CONNECTOR_BASE}/:key/v3/conversations/:conversationId/activities`;
  const onUnexpected = (error: unknown) =>
    deps.logger.error({ err: String(error) }, 'direct line connector route failed');
  const receive = handle((req, res) => receiveFromBot(deps, req, res), onUnexpected, {
    cors: false,
  });
  server.post(base, receive);
  server.post(`${base}/:activityId`, receive);
}

async function receiveFromBot(deps: ConnectorRouteDeps, req: Request, res: Response) {
  if (!sameKey(paramOf(req, 'key'), deps.key)) {
    throw new DirectLineError('Forbidden', 'Unknown connector key');
  }
  const conversation = deps.store.get(paramOf(req, 'conversationId'));
  if (!conversation) throw new DirectLineError('NotFound', 'Unknown conversation');
  const body = bodyOf(req);
  const activity = botActivity(body, conversation.id, { id: conversation.userId }, deps.bot);
  const params = req.params as Record<string, unknown> | undefined;
  const replyTo = typeof body.replyToId === 'string' ? body.replyToId : params?.activityId;
  // Web Chat holds a reply to an activity it has never seen for 5 s (proactive turns invent one).
  if (typeof replyTo === 'string' && conversation.knows(replyTo)) activity.replyToId = replyTo;
  const sent =
    activity.type === 'typing' ? conversation.broadcast(activity) : conversation.append(activity);
  res.json(200, { id: sent.id });
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
