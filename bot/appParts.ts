import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { errorCodeOf } from '../clientzone/appError.js';
import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import { ClientzoneClient } from '../clientzone/clientzoneClient.js';
import { DowngradeDialog } from '../dialogs/downgradeDialog.js';
import type { HumanRequestHandler } from '../dialogs/humanRequest.js';
import { InvoiceStatusDialog } from '../dialogs/invoiceStatusDialog.js';
import { textsFor } from '../dialogs/locales/index.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { NluRecognizer } from '../dialogs/nlu/nluRecognizer.js';
import { turnInfoOf } from '../dialogs/turnInfo.js';
import { UpgradeDialog } from '../dialogs/upgradeDialog.js';
import { CatalogueCache } from './accountEffects.js';
import type { ResolvedClientzone } from './app.js';
import type { AppConfig } from './config.js';
import type { Departments } from './departments.js';
import { provideDowngradeEffects } from './downgradeEffects.js';
import { DowngradeTickets } from './downgradeTickets.js';
import { provideInvoiceStatusEffects } from './invoiceStatusEffects.js';
import type { Logger } from './logger.js';
import type { BotMetrics } from './metrics.js';
import { PendingInvoiceFinder } from './pendingInvoiceFinder.js';
import type { ReminderStore } from './reminders/reminderStore.js';
import type { EtagCheckedConversationState } from './storage/index.js';
import type { KeyValueRecords } from './storage/kvRecords.js';
import { provideUpgradeEffects } from './upgradeEffects.js';

/** The parts `buildApp` assembles: the Clientzone client, the dialogs with their effects, the adapter. */

export function createClientzoneClient(
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

export interface FlowDeps {
  api: ClientzoneApi;
  departments: Departments;
  onHumanRequested: HumanRequestHandler;
  records: KeyValueRecords;
  reminders: ReminderStore;
  logger: Logger;
  now: () => Date;
}

export function createDialogs(
  config: Readonly<AppConfig>,
  clientzone: ResolvedClientzone,
  conversationState: EtagCheckedConversationState,
  deps: FlowDeps,
) {
  const { api, records, reminders, logger, now, onHumanRequested } = deps;
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const pendingInvoices = new PendingInvoiceFinder(api, records);
  const catalogue = new CatalogueCache(api);
  const common = {
    clientzoneUrl: clientzone.clientAreaUrl,
    productGroupId: clientzone.productGroupId,
    apiTimeoutMs: config.flowStepTimeoutMs,
    turnTimeoutMs: config.turnTimeoutMs,
    onHumanRequested,
    logger,
  };
  const upgrade = new UpgradeDialog(
    provideUpgradeEffects({
      api,
      catalogue,
      records,
      pendingInvoices,
      logger,
      now,
      reminders,
    }),
    { ...common, paymentMethod: config.clientzone.paymentMethod },
  );
  const downgrade = new DowngradeDialog(
    provideDowngradeEffects({
      api,
      catalogue,
      tickets: new DowngradeTickets(api, records, deps.departments),
      invoices: pendingInvoices,
      reminders,
      clientzoneUrl: clientzone.clientAreaUrl,
      logger,
    }),
    { ...common, windowDays: config.downgradeWindowDays, now },
  );
  // Trains from the committed corpus in the background (well under a second); the first
  // recognize() waits for it. The sandbox's package names stand in for the catalogue's.
  const main = new MainDialog(new NluRecognizer(), onHumanRequested);
  const invoices = new InvoiceStatusDialog(provideInvoiceStatusEffects(api), common);
  const set = new DialogSet(dialogState).add(main).add(upgrade).add(downgrade).add(invoices);
  return { dialogState, set, main };
}

export function createAdapter(config: Readonly<AppConfig>, logger: Logger): CloudAdapter {
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
