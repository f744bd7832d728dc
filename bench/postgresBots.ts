import pino from 'pino';
import { buildApp, type App, type ResolvedClientzone } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import { CleanupStack } from './cleanupStack.js';
import { createBenchSchema, BENCH_DATABASE_URL, type BenchSchema } from './benchSchema.js';
import { listenLocal } from './echoBot.js';
import { BENCH_CHANNEL_ID } from './loadDriver.js';
import { postgresPersistedSize, type PersistedSize } from './persistedSize.js';
import { spawnBot, type SpawnedBot } from './spawnedBot.js';
import { WarningLog } from './warningLog.js';

/** The real bot on PostgreSQL: in this process, and as two processes sharing one schema. */
export interface PostgresBots {
  /** `/api/messages` of the bot in this process, on its own fresh schema. */
  inProcessUrl: string;
  /** `/api/messages` of both processes, on another fresh schema, for a round robin. */
  replicaUrls: string[];
  /** Processes that exited on their own, and what the bots logged at warn or above. */
  incidents(): string[];
  /** What the in-process bot stored for conversation ids starting with `prefix`. */
  persistedSize(prefix: string): Promise<PersistedSize>;
  /** Stops both processes and the in-process bot, then drops both schemas; safe to call twice. */
  close(): Promise<void>;
}

export interface PostgresBotSettings {
  dataDir: string;
  clientzone: ResolvedClientzone;
  /** The secret upgrade conversations' identity tokens are signed with. */
  chatIdentitySecret: string;
}

/** Starts all three; if any fails to start, whatever did start is stopped and dropped. */
export async function startPostgresBots(settings: PostgresBotSettings): Promise<PostgresBots> {
  const cleanup = new CleanupStack();
  const close = () => cleanup.run();
  try {
    const own = await createBenchSchema();
    cleanup.push(() => own.drop());
    const ownLog = new WarningLog('real bot, PostgreSQL');
    const app = await startInProcess(settings, own.name, ownLog);
    cleanup.push(() => closeApp(app));
    const inProcessUrl = `${await listenLocal(app.server)}/api/messages`;
    const shared = await createBenchSchema();
    cleanup.push(() => shared.drop());
    const replicaLog = new WarningLog('2 processes, PostgreSQL');
    const replicas = await startReplicas(settings, shared, cleanup, replicaLog);
    return {
      inProcessUrl,
      replicaUrls: replicas.map((replica) => replica.messagesUrl),
      incidents: () => [
        ...replicas.flatMap((replica) => replica.unexpectedExit() ?? []).map((t) => t.trim()),
        ...[ownLog.summary(), replicaLog.summary()].flatMap((summary) => summary ?? []),
      ],
      persistedSize: (prefix) => postgresPersistedSize(own.query, BENCH_CHANNEL_ID, prefix),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function startInProcess(
  settings: PostgresBotSettings,
  schema: string,
  warnings: WarningLog,
): Promise<App> {
  const config = loadConfig({
    DATA_DIR: settings.dataDir,
    LOG_LEVEL: 'silent',
    DATABASE_URL: BENCH_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    CHAT_IDENTITY_SECRET: settings.chatIdentitySecret,
  });
  const logger = pino({ level: 'warn' }, warnings.destination());
  return buildApp(config, { clientzone: settings.clientzone, logger });
}

async function closeApp(app: App): Promise<void> {
  app.server.server.closeAllConnections();
  await app.close();
}

/** Started together, as replicas of a deployment are: their migrations race. */
async function startReplicas(
  settings: PostgresBotSettings,
  schema: BenchSchema,
  cleanup: CleanupStack,
  warnings: WarningLog,
): Promise<SpawnedBot[]> {
  const { clientzone } = settings;
  const env = {
    DATABASE_URL: BENCH_DATABASE_URL,
    DATABASE_SCHEMA: schema.name,
    CLIENTZONE_API_URL: clientzone.apiUrl,
    CLIENTZONE_API_IDENTIFIER: clientzone.identifier,
    CLIENTZONE_API_SECRET: clientzone.secret,
    CLIENTZONE_URL: clientzone.clientAreaUrl,
    CLIENTZONE_PRODUCT_GROUP_ID: String(clientzone.productGroupId),
    CHAT_IDENTITY_SECRET: settings.chatIdentitySecret,
    DATA_DIR: settings.dataDir,
    // The "listening" line is at info; the turns themselves log next to nothing.
    LOG_LEVEL: 'info',
  };
  const started = await Promise.allSettled(['A', 'B'].map((name) => spawnBot(name, env, warnings)));
  for (const result of started) {
    if (result.status === 'fulfilled') cleanup.push(() => result.value.stop());
  }
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}
