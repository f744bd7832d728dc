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
import { listenLocal, startEchoBot, type ListeningBot } from './echoBot.js';
import { UpgradeClientPool } from './upgradeClientPool.js';

/** Both bots listening, the sandbox, and the clients upgrade conversations sign in as. */
export interface BenchEnvironment {
  echo: ListeningBot;
  app: App;
  realMessagesUrl: string;
  sandbox: BenchSandbox;
  upgradeClients: UpgradeClientPool;
  stopSandbox(): Promise<void>;
  close(): Promise<void>;
}

/** Starts everything in a fresh temp DATA_DIR, with a silent logger and a fresh sandbox. */
export async function startBenchEnvironment(upgradeClients: number): Promise<BenchEnvironment> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oxmail-bench-'));
  const sandbox = await startBenchSandbox(dataDir, upgradeClients);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app = await buildApp(config, {
    clientzone: {
      apiUrl: sandbox.apiUrl,
      identifier: SANDBOX_IDENTIFIER,
      secret: SANDBOX_SECRET,
      clientAreaUrl: sandbox.url,
      productGroupId: SANDBOX_PRODUCT_GROUP_ID,
    },
    logger: pino({ level: 'silent' }),
  });
  const realUrl = await listenLocal(app.server);
  const echo = await startEchoBot();
  // Signed before any timing starts, as the client area would have done.
  const pooled = await Promise.all(
    sandbox.copyClientIds.map(async (clientId) => ({
      clientId,
      identityToken: await signIdentityToken({ clientId }, config.chatIdentitySecret),
    })),
  );
  let sandboxRunning = true;
  const stopSandbox = async () => {
    if (sandboxRunning) await sandbox.close();
    sandboxRunning = false;
  };
  return {
    echo,
    app,
    realMessagesUrl: `${realUrl}/api/messages`,
    sandbox,
    upgradeClients: new UpgradeClientPool(pooled, sandbox.cancelInvoice),
    stopSandbox,
    close: async () => {
      app.server.server.closeAllConnections();
      await Promise.all([app.close(), echo.close(), stopSandbox()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
