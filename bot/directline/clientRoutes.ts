import type { Server } from 'restify';
import type { Logger } from '../logger.js';
import {
  DirectLineError,
  allowCrossOrigin,
  bearerOf,
  bodyOf,
  handle,
  paramOf,
  type Handler,
  queryOf,
} from './directLineHttp.js';
import type { DirectLineTokens } from './directLineTokens.js';
import { newConversationId, type DirectLineService } from './directLineService.js';

export const DIRECT_LINE_BASE = '/v3/directline';

type Route = (work: Handler) => Handler;

/** The client side of Direct Line 3.0: tokens, conversations and activities (REST). */
export function registerClientRoutes(
  server: Server,
  service: DirectLineService,
  tokens: DirectLineTokens,
  logger: Logger,
): void {
  const onUnexpected = (error: unknown) =>
    logger.error({ err: String(error) }, 'direct line request failed');
  const route: Route = (work) => handle(work, onUnexpected);
  server.opts(`${DIRECT_LINE_BASE}/*`, (_req, res, next) => {
    allowCrossOrigin(res);
    res.send(204);
    next();
  });
  registerTokenRoutes(server, service, tokens, route);
  registerConversationRoutes(server, service, route);
}

function registerTokenRoutes(
  server: Server,
  service: DirectLineService,
  tokens: DirectLineTokens,
  route: Route,
): void {
  server.post(
    `${DIRECT_LINE_BASE}/tokens/generate`,
    route(async (req, res) => {
      if (!tokens.isSecret(bearerOf(req))) {
        throw new DirectLineError('Forbidden', 'Tokens are generated with the secret');
      }
      const grant = service.secretGrant(newConversationId(), bodyOf(req));
      const issued = await tokens.issueNew(grant);
      const { conversationId } = grant;
      res.json(200, { conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );
  server.post(
    `${DIRECT_LINE_BASE}/tokens/refresh`,
    route(async (req, res) => {
      const grant = await tokens.verify(bearerOf(req));
      const issued = await tokens.issue(grant);
      const { conversationId } = grant;
      res.json(200, { conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );
}

function registerConversationRoutes(
  server: Server,
  service: DirectLineService,
  route: Route,
): void {
  const conversation = `${DIRECT_LINE_BASE}/conversations/:conversationId`;
  server.post(
    `${DIRECT_LINE_BASE}/conversations`,
    route(async (req, res) => {
      const started = await service.start(req, await service.callerOf(req), bodyOf(req));
      res.json(started.status, started.conversation);
    }),
  );
  server.get(
    conversation,
    route(async (req, res) => {
      const caller = await service.callerOf(req);
      const watermark = queryOf(req).get('watermark');
      res.json(
        200,
        await service.reconnect(req, caller, paramOf(req, 'conversationId'), watermark),
      );
    }),
  );
  server.post(
    `${conversation}/activities`,
    route(async (req, res) => {
      const caller = await service.callerOf(req);
      res.json(200, await service.post(caller, paramOf(req, 'conversationId'), bodyOf(req)));
    }),
  );
  server.get(
    `${conversation}/activities`,
    route(async (req, res) => {
      const caller = await service.callerOf(req);
      const watermark = queryOf(req).get('watermark');
      res.json(200, service.activities(caller, paramOf(req, 'conversationId'), watermark));
    }),
  );
}
