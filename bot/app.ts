import type { CloudAdapter } from 'botbuilder';
import restify, { type Server } from 'restify';
import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import { createAdapter, createClientzoneClient, createDialogs } from './appParts.js';
import type { AppConfig } from './config.js';
import { ConversationReferences } from './conversationReferences.js';
import { CustomerResolver, type ConversationBinding } from './customerResolver.js';
import { Departments } from './departments.js';
import { registerDirectLine } from './directline/index.js';
import { handoffStores } from './handoff/handoffStores.js';
import { createHandoff, type Handoff } from './handoff/index.js';
import { relayHandoffEvents } from './handoff/postgresEventRelay.js';
import { resumeConversation } from './handoff/resumeConversation.js';
import { createLogger, type Logger } from './logger.js';
import { BotMetrics } from './metrics.js';
import { PostgresReminderStore } from './reminders/postgresReminderStore.js';
import { ReminderScheduler } from './reminders/reminderScheduler.js';
import { SqliteReminderStore } from './reminders/reminderStore.js';
import { registerRoutes } from './routes.js';
import {
  EtagCheckedConversationState,
  openBotDatabase,
  type BotDatabase,
} from './storage/index.js';
import { SupportBot } from './supportBot.js';
import { TurnLedger, type LatestTurn } from './turnLedger.js';
import { createTurnLock } from './turnLock.js';

/** Clientzone settings that are complete: a real WHMCS, or the sandbox `npm start` started. */
export interface ResolvedClientzone {
  apiUrl: string;
  identifier: string;
  secret: string;
  clientAreaUrl: string;
  productGroupId: number;
  /** Set only when the bot runs against the built-in sandbox: the chat page's demo sign-in. */
  sandboxUrl?: string;
}

export interface BuildOptions {
  clientzone: ResolvedClientzone;
  /** Replaces the real Clientzone client (tests of failure modes); the product never sets it. */
  clientzoneApi?: ClientzoneApi;
  logger?: Logger;
  now?: () => Date;
}

export interface App {
  server: Server;
  adapter: CloudAdapter;
  bot: SupportBot;
  /** The state database (SQLite, or PostgreSQL when DATABASE_URL is set). */
  database: BotDatabase;
  metrics: BotMetrics;
  logger: Logger;
  /** Sends due reminders; tests call `runDue()` after moving the clock. */
  reminders: ReminderScheduler;
  /** The human handoff; tests call `handoff.service.tick()` after moving the clock. */
  handoff: Handoff;
  close(): Promise<void>;
}

const LEDGER_RETENTION_MS = 24 * 3_600_000;

/** Builds the whole bot in the fixed order (config, logging, storage, Clientzone, dialogs, bot, adapter, HTTP) without listening. */
export async function buildApp(config: Readonly<AppConfig>, options: BuildOptions): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const metrics = new BotMetrics({ defaultMetrics: !options.logger });
  const database = await openBotDatabase(
    { url: config.databaseUrl, dataDir: config.dataDir, settings: config.database },
    logger,
  );
  const { storage, records } = database;
  const reminderStore =
    database.engine === 'sqlite'
      ? new SqliteReminderStore(database.sqlite)
      : new PostgresReminderStore(database.pool);
  const references = new ConversationReferences(records);
  const conversationState = new EtagCheckedConversationState(storage);
  const api =
    options.clientzoneApi ?? createClientzoneClient(config, options.clientzone, logger, metrics);
  const departments = new Departments(api, config.clientzone.billingDepartmentId);
  const adapter = createAdapter(config, logger);
  const handoff = createHandoff({
    ...handoffStores(database),
    config,
    adapter,
    references,
    api,
    departments,
    logger,
    now,
  });
  const dialogs = createDialogs(config, options.clientzone, conversationState, {
    api,
    departments,
    records,
    reminders: reminderStore,
    onHumanRequested: handoff.service.requestHuman,
    logger,
    now,
  });
  const ledger = new TurnLedger(
    database.processed,
    records,
    conversationState.createProperty<LatestTurn | undefined>('latestTurn'),
  );
  const bot = new SupportBot({
    conversationState,
    dialogState: dialogs.dialogState,
    welcomed: conversationState.createProperty<boolean>('welcomed'),
    dialogs: dialogs.set,
    mainDialog: dialogs.main,
    customers: new CustomerResolver(
      conversationState.createProperty<ConversationBinding | undefined>('binding'),
      api,
      config.chatIdentitySecret,
      logger,
      now,
    ),
    ledger,
    references,
    handoff: handoff.service,
    lock: createTurnLock(database.sharedTurnLock, {
      waited: (ms) => metrics.turnLockWait.observe(ms / 1000),
      timedOut: () => metrics.turnLockTimeouts.inc(),
    }),
    logger,
    onConflict: () => metrics.stateConflicts.inc(),
  });
  handoff.actions.setResumer((conversationId, flow) =>
    resumeConversation(
      { adapter, references, bot, appId: config.microsoftApp.appId },
      conversationId,
      flow,
    ),
  );
  await handoff.bootstrapStaff(config.staffBootstrapUsers);
  handoff.start();
  const stopRelay =
    database.engine === 'postgres'
      ? await relayHandoffEvents(
          database.pool,
          handoff.events,
          () => handoff.core.publishQueue(),
          logger,
        )
      : async () => undefined;
  const reminders = new ReminderScheduler({
    store: reminderStore,
    references,
    adapter,
    appId: config.microsoftApp.appId,
    clientzoneUrl: options.clientzone.clientAreaUrl,
    now,
    logger,
  });
  reminders.start();
  const server = restify.createServer({
    name: 'oxmail-support-bot',
    handleUncaughtExceptions: false,
  });
  registerRoutes(server, { adapter, bot, database, metrics, logger });
  handoff.register(server);
  const directLine = registerDirectLine(server, {
    adapter,
    bot,
    config,
    logger,
    metrics,
    sandboxUrl: options.clientzone.sandboxUrl ?? null,
    now,
  });
  const pruning = setInterval(() => void ledger.prune(LEDGER_RETENTION_MS), 3_600_000);
  pruning.unref();
  return {
    server,
    adapter,
    bot,
    database,
    metrics,
    logger,
    reminders,
    handoff,
    close: async () => {
      clearInterval(pruning);
      handoff.stop();
      await stopRelay();
      await reminders.stop();
      directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
