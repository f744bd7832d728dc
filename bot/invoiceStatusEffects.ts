import { fromPromise } from 'xstate';
import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import { isAppError } from '../clientzone/appError.js';
import type { InvoiceDetail } from '../clientzone/types.js';
import {
  invoiceStatusMachine,
  type InvoiceLine,
  type InvoiceStatusResult,
} from '../machines/invoiceStatusMachine.js';

/** How many unpaid invoices are opened to tell upgrades from renewals. */
const MAX_LISTED = 10;

/** The invoice-status machine with its Clientzone effect: only the bound client's invoices. */
export function provideInvoiceStatusEffects(api: ClientzoneApi): typeof invoiceStatusMachine {
  return invoiceStatusMachine.provide({
    actors: {
      loadInvoiceStatus: fromPromise<
        InvoiceStatusResult,
        { clientId: number; invoiceId: number | null }
      >(async ({ input, signal }) => {
        if (input.invoiceId !== null)
          return {
            kind: 'one',
            invoice: await ownInvoice(api, input.clientId, input.invoiceId, signal),
          };
        const unpaid = (await api.getUnpaidInvoices(input.clientId, { signal })).slice(
          0,
          MAX_LISTED,
        );
        const details = await Promise.all(unpaid.map((i) => api.getInvoice(i.id, { signal })));
        return {
          kind: 'list',
          invoices: details.filter((d) => d.userId === input.clientId).map(toLine),
        };
      }),
    },
  });
}

/** The invoice, or null when it does not exist or belongs to someone else (never said which). */
async function ownInvoice(
  api: ClientzoneApi,
  clientId: number,
  invoiceId: number,
  signal: AbortSignal,
): Promise<InvoiceLine | null> {
  try {
    const invoice = await api.getInvoice(invoiceId, { signal });
    return invoice.userId === clientId ? toLine(invoice) : null;
  } catch (error) {
    if (isAppError(error, 'CLIENTZONE_NOT_FOUND')) return null;
    throw error;
  }
}

function toLine(invoice: InvoiceDetail): InvoiceLine {
  const types = invoice.items.map((item) => item.type.toLowerCase());
  const purpose = types.includes('upgrade')
    ? 'upgrade'
    : types.includes('hosting')
      ? 'renewal'
      : 'other';
  return {
    id: invoice.id,
    total: invoice.total,
    dueDate: invoice.dueDate,
    status: invoice.status,
    purpose,
  };
}
