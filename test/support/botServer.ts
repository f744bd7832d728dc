import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp, type App } from '../../bot/app.js';
import { loadConfig, type AppConfig } from '../../bot/config.js';
import type { ClientzoneApi } from '../../clientzone/clientzoneApi.js';
import {
  SANDBOX_IDENTIFIER,
  SANDBOX_PRODUCT_GROUP_ID,
  SANDBOX_SECRET,
  startSandbox,
  type RunningSandbox,
} from '../../clientzone/sandbox/index.js';
import { ChatClient, type ChatOptions } from './chatClient.js';
import { SandboxAdmin } from './sandboxAdmin.js';

export interface BotUnderTest {
  url: string;
  app: App;
  config: Readonly<AppConfig>;
  sandbox: RunningSandbox;
  admin: SandboxAdmin;
  /** A customer of this bot; signs in as `clientId` with the bot's identity secret. */
  chat(options?: ChatOptions): ChatClient;
  close(): Promise<void>;
}

export interface BotOptions {
  env?: Record<string, string>;
  /** Points the bot at another Clientzone API URL than the sandbox's (e.g. a closed port). */
  apiUrl?: string;
  clientzoneApi?: ClientzoneApi;
  /** The bot's clock (the sandbox keeps the real one). */
  now?: () => Date;
  /** Runs the bot as `npm start` does against the sandbox: the chat page's demo sign-in is on. */
  sandboxMode?: boolean;
}

/** The real bot on 127.0.0.1 port 0, over a fresh in-memory Clientzone sandbox and a temp SQLite. */
export async function startBot(options: BotOptions = {}): Promise<BotUnderTest> {
  const sandbox = await startSandbox({ port: 0, dataFile: null });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oxmail-bot-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CLIENTZONE_TIMEOUT_MS: '1500',
    FLOW_STEP_TIMEOUT_MS: '5000',
    TURN_TIMEOUT_MS: '15000',
    ...options.env,
  });
  const app = await buildApp(config, {
    clientzone: {
      apiUrl: options.apiUrl ?? sandbox.apiUrl,
      identifier: SANDBOX_IDENTIFIER,
      secret: SANDBOX_SECRET,
      clientAreaUrl: sandbox.url,
      productGroupId: SANDBOX_PRODUCT_GROUP_ID,
      sandboxUrl: options.sandboxMode ? sandbox.url : undefined,
    },
    clientzoneApi: options.clientzoneApi,
    now: options.now,
    logger: pino({ level: 'silent' }),
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    chat: (chatOptions = {}) =>
      new ChatClient(url, { secret: config.chatIdentitySecret, ...chatOptions }),
    app,
    config,
    sandbox,
    admin: new SandboxAdmin(sandbox),
    close: async () => {
      await app.close();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
