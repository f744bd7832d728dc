import path from 'node:path';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import type { Database } from 'better-sqlite3';
import restify, { type Server } from 'restify';
import { errorCodeOf } from '../clientzone/appError.js';
import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import { ClientzoneClient } from '../clientzone/clientzoneClient.js';
import { textsFor } from '../dialogs/locales/index.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { KeywordIntentRecognizer } from '../dialogs/nlu/keywordIntents.js';
import { turnInfoOf } from '../dialogs/turnInfo.js';
import { UpgradeDialog } from '../dialogs/upgradeDialog.js';
import type { AppConfig } from './config.js';
import { ConversationLock } from './conversationLock.js';
import { CustomerResolver, type ConversationBinding } from './customerResolver.js';
import { createLogger, type Logger } from './logger.js';
import { BotMetrics } from './metrics.js';
import { PendingInvoiceFinder } from './pendingInvoiceFinder.js';
import { registerRoutes } from './routes.js';
import {
  EtagCheckedConversationState,
  SqliteKeyValueRecords,
  SqliteProcessedActivities,
  SqliteStorage,
  openSqliteDatabase,
} from './storage/index.js';
import { SupportBot } from './supportBot.js';
import { TurnLedger } from './turnLedger.js';
import { provideUpgradeEffects } from './upgradeEffects.js';

/** Clientzone settings that are complete: a real WHMCS, or the sandbox `npm start` started. */
export interface ResolvedClientzone {
  apiUrl: string;
  identifier: string;
  secret: string;
  clientAreaUrl: string;
  productGroupId: number;
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
  db: Database;
  metrics: BotMetrics;
  logger: Logger;
  close(): Promise<void>;
}

const LEDGER_RETENTION_MS = 24 * 3_600_000;

/** Builds the whole bot in the fixed order (config, logging, storage, Clientzone, dialogs, bot, adapter, HTTP) without listening. */
export function buildApp(config: Readonly<AppConfig>, options: BuildOptions): App {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const metrics = new BotMetrics({ defaultMetrics: !options.logger });
  const db = openSqliteDatabase({ file: path.join(config.dataDir, 'bot.sqlite') });
  const storage = new SqliteStorage(db);
  const records = new SqliteKeyValueRecords(db);
  const conversationState = new EtagCheckedConversationState(storage);
  const api =
    options.clientzoneApi ?? createClientzoneClient(config, options.clientzone, logger, metrics);
  const dialogs = createDialogs(
    config,
    options.clientzone,
    conversationState,
    api,
    records,
    logger,
    now,
  );
  const ledger = new TurnLedger(new SqliteProcessedActivities(db), records);
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
    lock: new ConversationLock(),
    logger,
    onConflict: () => metrics.stateConflicts.inc(),
  });
  const adapter = createAdapter(config, logger);
  const server = restify.createServer({
    name: 'oxmail-support-bot',
    handleUncaughtExceptions: false,
  });
  registerRoutes(server, { adapter, bot, db, metrics, logger });
  const pruning = setInterval(() => void ledger.prune(LEDGER_RETENTION_MS), 3_600_000);
  pruning.unref();
  return {
    server,
    adapter,
    bot,
    db,
    metrics,
    logger,
    close: async () => {
      clearInterval(pruning);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

function createClientzoneClient(
  config: Readonly<AppConfig>,
  clientzone: ResolvedClientzone,
  logger: Logger,
  metrics: BotMetrics,
): ClientzoneApi {
  return new ClientzoneClient({
    apiUrl: clientzone.apiUrl,
    identifier: clientzone.identifier,
    secret: clientzone.secret,
    timeoutMs: config.clientzone.timeoutMs,
    // One retry keeps a read inside the flow step's timeout (2 x CLIENTZONE_TIMEOUT_MS + backoff).
    retries: 1,
    logger: logger.child({ component: 'clientzone' }),
    onCall: (action, outcome, ms) => metrics.recordClientzoneCall(action, outcome, ms),
  });
}

function createDialogs(
  config: Readonly<AppConfig>,
  clientzone: ResolvedClientzone,
  conversationState: EtagCheckedConversationState,
  api: ClientzoneApi,
  records: SqliteKeyValueRecords,
  logger: Logger,
  now: () => Date,
) {
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const pendingInvoices = new PendingInvoiceFinder(api, records);
  const upgradeMachine = provideUpgradeEffects({ api, records, pendingInvoices, logger, now });
  const main = new MainDialog(new KeywordIntentRecognizer());
  const upgrade = new UpgradeDialog(upgradeMachine, {
    clientzoneUrl: clientzone.clientAreaUrl,
    productGroupId: clientzone.productGroupId,
    paymentMethod: config.clientzone.paymentMethod,
    apiTimeoutMs: config.flowStepTimeoutMs,
    turnTimeoutMs: config.turnTimeoutMs,
    logger,
  });
  const set = new DialogSet(dialogState).add(main).add(upgrade);
  return { dialogState, set, main };
}

function createAdapter(config: Readonly<AppConfig>, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftApp.appId,
    MicrosoftAppPassword: config.microsoftApp.password,
    MicrosoftAppType: config.microsoftApp.type,
    MicrosoftAppTenantId: config.microsoftApp.tenantId,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      {
        code: errorCodeOf(error),
        err: { name: error.name, message: error.message, stack: error.stack },
        conversationId: context.activity.conversation?.id,
        activityId: context.activity.id,
      },
      'turn failed',
    );
    try {
      await context.sendActivity(textsFor(turnInfoOf(context).language).common.somethingWentWrong);
    } catch (sendError) {
      logger.warn(
        { code: errorCodeOf(sendError) },
        'could not tell the customer about the failure',
      );
    }
  };
  return adapter;
}
