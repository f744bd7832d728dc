import { fromPromise } from 'xstate';
import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import { createFormatters, textsFor } from '../dialogs/locales/index.js';
import {
  downgradeMachine,
  type DowngradeTicketInput,
  type InspectDowngradeInput,
  type ScheduleReminderInput,
} from '../machines/downgradeMachine.js';
import type { DowngradeInspection, TicketRef } from '../machines/downgradeTypes.js';
import { loadAccountActor, type CatalogueCache } from './accountEffects.js';
import type { DowngradeTickets } from './downgradeTickets.js';
import type { Logger } from './logger.js';
import type { PendingInvoiceFinder } from './pendingInvoiceFinder.js';
import { reminderId, type ReminderStore } from './reminders/reminderStore.js';

export interface DowngradeEffectsDeps {
  api: ClientzoneApi;
  catalogue: CatalogueCache;
  tickets: DowngradeTickets;
  invoices: PendingInvoiceFinder;
  reminders: ReminderStore;
  clientzoneUrl: string;
  logger: Logger;
}

/** Reminders go out at 09:00 Asia/Jakarta (UTC+7, no daylight saving) on the day the window opens. */
const REMINDER_HOUR_UTC = 2;

/** The downgrade machine with its Clientzone, ticket and reminder effects provided. */
export function provideDowngradeEffects(deps: DowngradeEffectsDeps): typeof downgradeMachine {
  return downgradeMachine.provide({
    actors: {
      loadAccount: loadAccountActor(deps.api, deps.catalogue),
      inspectDowngrade: fromPromise<DowngradeInspection, InspectDowngradeInput>(
        async ({ input, signal }) => {
          const [existingTicket, unpaidRenewal] = await Promise.all([
            deps.tickets.findOpen(input.clientId, input.serviceId, input.dueDate, signal),
            deps.invoices.findRenewal(input.clientId, input.serviceId, signal),
          ]);
          return { existingTicket, unpaidRenewal };
        },
      ),
      scheduleReminder: fromPromise<void, ScheduleReminderInput>(async ({ input }) => {
        await deps.reminders.schedule({
          id: reminderId('downgrade-window', input.clientId, input.serviceId),
          conversationId: input.conversationId,
          clientId: input.clientId,
          serviceId: input.serviceId,
          kind: 'downgrade-window',
          fireAt: Date.parse(`${input.opensOn}T0${REMINDER_HOUR_UTC}:00:00Z`),
          payload: { domain: input.domain, dueDate: input.dueDate },
        });
      }),
      fileDowngradeTicket: fromPromise<TicketRef, DowngradeTicketInput>(({ input, signal }) =>
        fileOnce(deps, input, signal),
      ),
    },
  });
}

/** Files the ticket unless one is already open for this service and due date (a lost response, a retry). */
async function fileOnce(
  deps: DowngradeEffectsDeps,
  input: DowngradeTicketInput,
  signal: AbortSignal,
): Promise<TicketRef> {
  const existing = await deps.tickets.findOpen(
    input.clientId,
    input.serviceId,
    input.dueDate,
    signal,
  );
  if (existing) return existing;
  const texts = textsFor(input.language === 'en' ? 'en' : 'id');
  const formatters = createFormatters(texts, deps.clientzoneUrl);
  const ticket = await deps.tickets.open(
    input,
    {
      subject: texts.outside.downgradeTicketSubject(input),
      message: texts.outside.downgradeTicketMessage(input, formatters),
    },
    signal,
  );
  await deps.reminders.cancelForService(input.clientId, input.serviceId);
  deps.logger.info(
    { clientId: input.clientId, serviceId: input.serviceId, ticketId: ticket.id },
    'downgrade ticket filed',
  );
  return ticket;
}
