import { randomBytes } from 'node:crypto';
import type { Server } from 'restify';
import { z } from 'zod';
import { signIdentityToken, verifyIdentityToken } from '../identity.js';
import type { Logger } from '../logger.js';
import { DirectLineError, allowCrossOrigin, bodyOf, handle } from './directLineHttp.js';
import type { ChatIdentity, DirectLineTokens } from './directLineTokens.js';
import { newConversationId } from './directLineService.js';

export interface ChatTokenDeps {
  tokens: DirectLineTokens;
  identitySecret: string;
  /** Set only when the bot runs against the built-in sandbox: enables the demo sign-in. */
  sandboxUrl: string | null;
  logger: Logger;
  now: () => Date;
}

const demoCustomersSchema = z.array(
  z.object({
    clientId: z.number().int().positive(),
    name: z.string(),
    label: z.string().nullish(),
  }),
);
type DemoCustomer = z.infer<typeof demoCustomersSchema>[number];
const DEMO_IDENTITY_TTL_SECONDS = 3600;

/**
 * `POST /api/chat/token {identityToken?}`: a Direct Line token for a new conversation, bound to
 * the verified customer (`cz-<clientId>`) or to a guest. In sandbox mode also the demo sign-in.
 */
export function registerChatTokenRoutes(server: Server, deps: ChatTokenDeps): void {
  const onUnexpected = (error: unknown) =>
    deps.logger.error({ err: String(error) }, 'chat token request failed');
  server.opts('/api/chat/token', (_req, res, next) => {
    allowCrossOrigin(res);
    res.send(204);
    next();
  });
  server.post(
    '/api/chat/token',
    handle(async (req, res) => {
      const identity = await verifiedIdentity(bodyOf(req).identityToken, deps);
      const userId = identity
        ? `cz-${identity.clientId}`
        : `guest-${randomBytes(9).toString('base64url')}`;
      const grant = {
        conversationId: newConversationId(),
        userId,
        userName: identity?.name ?? null,
        identity,
      };
      const issued = await deps.tokens.issueNew(grant);
      res.json(200, {
        token: issued.token,
        conversationId: grant.conversationId,
        userId,
        expiresIn: issued.expiresIn,
      });
    }, onUnexpected),
  );
  if (deps.sandboxUrl) registerDemoSignIn(server, deps, deps.sandboxUrl, onUnexpected);
}

async function verifiedIdentity(value: unknown, deps: ChatTokenDeps): Promise<ChatIdentity | null> {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string')
    throw new DirectLineError('BadArgument', 'identityToken must be a string');
  try {
    const verified = await verifyIdentityToken(value, deps.identitySecret, deps.now);
    return { clientId: verified.clientId, name: verified.name, locale: verified.locale };
  } catch (error) {
    const reason = (error as { details?: { reason?: unknown } }).details?.reason;
    throw new DirectLineError('IdentityInvalid', 'The identity token is invalid or has expired', {
      reason: typeof reason === 'string' ? reason : 'invalid',
    });
  }
}

/** Sandbox only: the demo customers, and an identity token for one of them (never in production). */
function registerDemoSignIn(
  server: Server,
  deps: ChatTokenDeps,
  sandboxUrl: string,
  onUnexpected: (error: unknown) => void,
): void {
  server.get(
    '/api/chat/demo-customers',
    handle(async (_req, res) => {
      const customers = await demoCustomers(sandboxUrl);
      res.json(
        200,
        customers.map(({ clientId, name, label }) => ({ clientId, name, label })),
      );
    }, onUnexpected),
  );
  server.post(
    '/api/chat/demo-token',
    handle(async (req, res) => {
      const clientId = bodyOf(req).clientId;
      const customer = (await demoCustomers(sandboxUrl)).find((c) => c.clientId === clientId);
      if (!customer) throw new DirectLineError('NotFound', 'No such demo customer');
      const identityToken = await signIdentityToken(
        { clientId: customer.clientId, name: customer.name.split(' ')[0] },
        deps.identitySecret,
        DEMO_IDENTITY_TTL_SECONDS,
        deps.now,
      );
      res.json(200, { identityToken });
    }, onUnexpected),
  );
}

async function demoCustomers(sandboxUrl: string): Promise<DemoCustomer[]> {
  const response = await fetch(`${sandboxUrl}/__sandbox/customers`, {
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`sandbox answered ${response.status}`);
  return demoCustomersSchema.parse(await response.json());
}
