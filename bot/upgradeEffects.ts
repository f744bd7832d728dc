import { fromPromise } from 'xstate';
import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import { errorCodeOf } from '../clientzone/appError.js';
import {
  upgradeMachine,
  type PendingInvoiceInput,
  type PlaceUpgradeInput,
} from '../machines/upgradeMachine.js';
import type { UpgradeResult } from '../machines/upgradeTypes.js';
import { loadAccountActor, type CatalogueCache } from './accountEffects.js';
import type { Logger } from './logger.js';
import type { ReminderStore } from './reminders/reminderStore.js';
import {
  PLACED_UPGRADES_NAMESPACE,
  toRef,
  type PendingInvoiceFinder,
  type PlacedUpgradeRecord,
} from './pendingInvoiceFinder.js';
import type { KeyValueRecords } from './storage/kvRecords.js';
import type { UpgradeQuote, UpgradeRequest } from '../clientzone/types.js';

export interface UpgradeEffectsDeps {
  api: ClientzoneApi;
  catalogue: CatalogueCache;
  records: KeyValueRecords;
  pendingInvoices: PendingInvoiceFinder;
  logger: Logger;
  now: () => Date;
  /** An upgrade cancels a pending downgrade reminder of the service. */
  reminders?: ReminderStore;
}

/** The upgrade machine with its Clientzone effects provided. */
export function provideUpgradeEffects(deps: UpgradeEffectsDeps): typeof upgradeMachine {
  return upgradeMachine.provide({
    actors: {
      loadAccount: loadAccountActor(deps.api, deps.catalogue),
      quoteUpgrade: fromPromise<UpgradeQuote, UpgradeRequest>(({ input, signal }) =>
        deps.api.quoteUpgrade(input, { signal }),
      ),
      findPendingInvoice: fromPromise(
        ({ input, signal }: { input: PendingInvoiceInput; signal: AbortSignal }) =>
          deps.pendingInvoices.find(input.clientId, input.serviceId, input.domain, signal),
      ),
      placeUpgrade: fromPromise<UpgradeResult, PlaceUpgradeInput>(({ input, signal }) =>
        placeAndDescribe(deps, input, signal),
      ),
    },
  });
}

async function placeAndDescribe(
  deps: UpgradeEffectsDeps,
  input: PlaceUpgradeInput,
  signal: AbortSignal,
): Promise<UpgradeResult> {
  const placed = await deps.api.placeUpgrade(input.request, { signal });
  const record: PlacedUpgradeRecord = {
    clientId: input.clientId,
    serviceId: input.request.serviceId,
    invoiceId: placed.invoiceId,
    orderNumber: placed.orderNumber,
    placedAt: deps.now().toISOString(),
  };
  await deps.records.put(PLACED_UPGRADES_NAMESPACE, String(record.serviceId), record);
  await deps.reminders?.cancelForService(input.clientId, record.serviceId);
  deps.logger.info(
    {
      clientId: input.clientId,
      serviceId: record.serviceId,
      invoiceId: placed.invoiceId,
      orderId: placed.orderId,
    },
    'upgrade placed',
  );
  if (placed.invoiceId === null)
    return { invoice: null, orderNumber: placed.orderNumber, adopted: false };
  try {
    const invoice = await deps.api.getInvoice(placed.invoiceId, { signal });
    return { invoice: toRef(invoice), orderNumber: placed.orderNumber, adopted: false };
  } catch (error) {
    // The upgrade exists; only its details are missing. Report what Clientzone already returned.
    deps.logger.warn(
      { invoiceId: placed.invoiceId, code: errorCodeOf(error) },
      'invoice details unavailable',
    );
    const invoice = { id: placed.invoiceId, total: placed.price, dueDate: null, status: 'Unpaid' };
    return { invoice, orderNumber: placed.orderNumber, adopted: false };
  }
}
