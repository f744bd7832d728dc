import 'dotenv/config';
import type { Server } from 'restify';
import { isAppError } from '../clientzone/appError.js';
import type { RunningSandbox } from '../clientzone/sandbox/index.js';
import { buildApp, type App } from './app.js';
import { resolveClientzone } from './clientzoneSetup.js';
import { loadConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { DEMO_STAFF, printHowToTry } from './startupBanner.js';

/** How long in-flight turns get to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { clientzone, sandbox } = await resolveClientzone(config, logger);
  const app = await buildApp(config, { clientzone, logger });
  if (sandbox) await app.handoff.bootstrapStaff([DEMO_STAFF]);
  // Handlers first: a signal that arrives as soon as the port is open still shuts down cleanly.
  installSignalHandlers(app, sandbox, logger);
  await listen(app.server, config.port, config.host);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, sandbox: sandbox?.url ?? null, database: app.database.engine },
    'oxmail-support-bot listening',
  );
  if (sandbox) printHowToTry(config, sandbox.url, DEMO_STAFF);
}

function installSignalHandlers(app: App, sandbox: RunningSandbox | null, logger: Logger): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight turns');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    const closing = app.close();
    // Keep-alive connections turn idle once their in-flight turn is answered: close them then.
    setInterval(() => app.server.server.closeIdleConnections(), 50).unref();
    void closing
      .then(() => sandbox?.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: String(error) }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: String(reason) }, 'unhandled rejection');
    process.exit(1);
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

main().catch((error: unknown) => {
  if (isAppError(error, 'CONFIG_INVALID')) {
    console.error(error.message);
  } else {
    console.error('oxmail-support-bot failed to start:', error);
  }
  process.exit(1);
});
