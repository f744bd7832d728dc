import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp, type App } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import { signIdentityToken } from '../bot/identity.js';
import {
  SANDBOX_IDENTIFIER,
  SANDBOX_PRODUCT_GROUP_ID,
  SANDBOX_SECRET,
} from '../clientzone/sandbox/index.js';
import { startBenchSandbox, type BenchSandbox } from './benchSandbox.js';
import { CleanupStack } from './cleanupStack.js';
import { listenLocal, startEchoBot, type ListeningBot } from './echoBot.js';
import { startPostgresBots, type PostgresBots } from './postgresBots.js';
import { UpgradeClientPool } from './upgradeClientPool.js';
import { WarningLog } from './warningLog.js';

/** Where the real bot runs: this process on SQLite or PostgreSQL, or two processes on PostgreSQL. */
export const DEPLOYMENTS = ['sqlite', 'postgres', 'replicas'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

/** The bots listening, the sandbox, and the clients upgrade conversations sign in as. */
export interface BenchEnvironment {
  echo: ListeningBot;
  /** The real bot on SQLite, in this process. */
  app: App;
  /** `/api/messages` of each deployment; a conversation's turns go round them in turn. */
  realBots: Record<Deployment, readonly string[]>;
  postgres: PostgresBots;
  sandbox: BenchSandbox;
  upgradeClients: UpgradeClientPool;
  stopSandbox(): Promise<void>;
  /** Bot processes that exited on their own, and what the bots logged at warn or above. */
  incidents(): string[];
  close(): Promise<void>;
}

/**
 * Starts everything in a fresh temp DATA_DIR, with silent loggers and a fresh sandbox; the
 * PostgreSQL bots get fresh schemas. If anything fails to start, what did start is closed.
 */
export async function startBenchEnvironment(upgradeClients: number): Promise<BenchEnvironment> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oxmail-bench-'));
  const cleanup = new CleanupStack();
  cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  try {
    const sandbox = await startBenchSandbox(dataDir, upgradeClients);
    let sandboxRunning = true;
    const stopSandbox = async () => {
      if (sandboxRunning) await sandbox.close();
      sandboxRunning = false;
    };
    cleanup.push(stopSandbox);
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const clientzone = {
      apiUrl: sandbox.apiUrl,
      identifier: SANDBOX_IDENTIFIER,
      secret: SANDBOX_SECRET,
      clientAreaUrl: sandbox.url,
      productGroupId: SANDBOX_PRODUCT_GROUP_ID,
    };
    const sqliteLog = new WarningLog('real bot, SQLite');
    const logger = pino({ level: 'warn' }, sqliteLog.destination());
    const app = await buildApp(config, { clientzone, logger });
    cleanup.push(() => {
      app.server.server.closeAllConnections();
      return app.close();
    });
    const realUrl = await listenLocal(app.server);
    const echo = await startEchoBot();
    cleanup.push(() => echo.close());
    const postgres = await startPostgresBots({
      dataDir,
      clientzone,
      chatIdentitySecret: config.chatIdentitySecret,
    });
    cleanup.push(() => postgres.close());
    return {
      echo,
      app,
      realBots: {
        sqlite: [`${realUrl}/api/messages`],
        postgres: [postgres.inProcessUrl],
        replicas: postgres.replicaUrls,
      },
      postgres,
      sandbox,
      upgradeClients: new UpgradeClientPool(
        await signedClients(sandbox.copyClientIds, config.chatIdentitySecret),
        sandbox.cancelInvoice,
      ),
      stopSandbox,
      incidents: () => [sqliteLog.summary() ?? [], postgres.incidents()].flat(),
      close: () => cleanup.run(),
    };
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}

/** Signed before any timing starts, as the client area would have done. */
function signedClients(clientIds: readonly number[], secret: string) {
  return Promise.all(
    clientIds.map(async (clientId) => ({
      clientId,
      identityToken: await signIdentityToken({ clientId }, secret),
    })),
  );
}
