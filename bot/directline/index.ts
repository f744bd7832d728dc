import type { AddressInfo } from 'node:net';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { BotMetrics } from '../metrics.js';
import { BotBridge } from './botBridge.js';
import { registerChatPage } from './chatPageRoutes.js';
import { registerChatTokenRoutes } from './chatTokenRoutes.js';
import { registerClientRoutes } from './clientRoutes.js';
import type { AccountJson } from './conversation.js';
import { ConversationStore } from './conversationStore.js';
import { CONNECTOR_BASE, registerConnectorRoutes } from './connectorRoutes.js';
import { DirectLineService } from './directLineService.js';
import { DirectLineTokens } from './directLineTokens.js';
import { StreamServer } from './streamServer.js';

export interface DirectLineDeps {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  config: Readonly<AppConfig>;
  logger: Logger;
  metrics: BotMetrics;
  /** The built-in sandbox's URL when the bot runs against it (demo sign-in); null otherwise. */
  sandboxUrl: string | null;
  now?: () => Date;
}

export interface DirectLineHandle {
  /** Closes the open sockets (an HTTP server does not close upgraded connections itself). */
  close(): void;
}

/** How the bot appears in Direct Line conversations. */
export const BOT_ACCOUNT: AccountJson = { id: 'oxmail-bot', name: 'OX Mail', role: 'bot' };
/** Short enough for DirectLineJS's 20 s request timeout; the turn continues after it. */
const TURN_WAIT_MS = 12_000;

/**
 * The built-in Direct Line 3.0 (REST, WebSocket stream, bot-facing connector routes), the chat
 * token endpoint and the customer chat page, all on the bot's own server.
 */
export function registerDirectLine(server: Server, deps: DirectLineDeps): DirectLineHandle {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger.child({ component: 'directline' });
  const store = new ConversationStore(undefined, now);
  const tokens = new DirectLineTokens(deps.config.directLineSecret, now);
  const key = tokens.connectorKey();
  const serviceUrl = () => `${loopbackOrigin(server)}${CONNECTOR_BASE}/${key}`;
  const service = createService(deps, { store, tokens, serviceUrl, logger, now });
  registerClientRoutes(server, service, tokens, logger);
  registerConnectorRoutes(server, { store, key, bot: BOT_ACCOUNT, logger });
  registerChatTokenRoutes(server, {
    tokens,
    identitySecret: deps.config.chatIdentitySecret,
    sandboxUrl: deps.sandboxUrl,
    logger,
    now,
  });
  registerChatPage(server, logger);
  const streams = new StreamServer({ store, tokens, logger });
  streams.attach(server);
  const pruning = setInterval(() => store.prune(), 10 * 60_000);
  pruning.unref();
  return {
    close: () => {
      clearInterval(pruning);
      streams.close();
      store.close();
    },
  };
}

function createService(
  deps: DirectLineDeps,
  parts: {
    store: ConversationStore;
    tokens: DirectLineTokens;
    serviceUrl: () => string;
    logger: Logger;
    now: () => Date;
  },
): DirectLineService {
  const bridge = new BotBridge({
    adapter: deps.adapter,
    runBot: (context) => deps.bot.run(context),
    appId: deps.config.microsoftApp.appId,
    identitySecret: deps.config.chatIdentitySecret,
    serviceUrl: parts.serviceUrl,
    logger: parts.logger,
    metrics: deps.metrics,
    now: parts.now,
  });
  const { store, tokens, now } = parts;
  return new DirectLineService({
    store,
    tokens,
    bridge,
    bot: BOT_ACCOUNT,
    turnWaitMs: TURN_WAIT_MS,
    now,
  });
}

/** This server as seen from inside the machine: the bot's replies never leave it. */
function loopbackOrigin(server: Server): string {
  const address = server.address() as AddressInfo | string | null;
  if (!address || typeof address === 'string') throw new Error('the server is not listening');
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard
    ? address.family === 'IPv6'
      ? '[::1]'
      : '127.0.0.1'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}`;
}
