import type { CloudAdapter } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import restify from 'restify';
import type { Logger } from './logger.js';
import type { BotMetrics } from './metrics.js';
import type { SupportBot } from './supportBot.js';

export interface RouteDeps {
  adapter: CloudAdapter;
  bot: SupportBot;
  /** The state database, SQLite or PostgreSQL; /healthz reports whether it answers. */
  database: { health(): Promise<'ok' | 'unavailable'> };
  metrics: BotMetrics;
  logger: Logger;
}

/** Largest activity body accepted on /api/messages; Bot Framework activities are far smaller. */
const MAX_BODY_BYTES = 256 * 1024;

export function registerRoutes(server: Server, deps: RouteDeps): void {
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.post('/api/messages', async (req: Request, res: Response) => {
    const stop = deps.metrics.turnDuration.startTimer();
    const type =
      typeof req.body?.type === 'string' ? String(req.body.type).slice(0, 40) : 'invalid';
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
      deps.metrics.turns.inc({ type, outcome: String(res.statusCode) });
    } finally {
      stop();
    }
  });
  server.get('/healthz', async (_req: Request, res: Response) => {
    const database = await deps.database.health();
    res.json(database === 'ok' ? 200 : 503, {
      status: database === 'ok' ? 'ok' : 'degraded',
      database,
    });
  });
  server.get('/metrics', async (_req: Request, res: Response) => {
    const body = await deps.metrics.registry.metrics();
    res.setHeader('content-type', deps.metrics.registry.contentType);
    res.sendRaw(200, body);
  });
}
