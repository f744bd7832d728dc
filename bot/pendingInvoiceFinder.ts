import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import type { InvoiceDetail } from '../clientzone/types.js';
import type { InvoiceRef } from '../machines/upgradeTypes.js';
import type { KeyValueRecords } from './storage/kvRecords.js';

export const PLACED_UPGRADES_NAMESPACE = 'placed-upgrades';

/** What the bot remembers of an upgrade it placed, keyed by service id. */
export interface PlacedUpgradeRecord {
  clientId: number;
  serviceId: number;
  invoiceId: number | null;
  orderNumber: string;
  placedAt: string;
}

/** How many of the newest unpaid invoices are opened to look for an upgrade line. */
const MAX_INVOICES_TO_OPEN = 10;

/**
 * Finds the unpaid upgrade invoice of a service: the one the bot placed itself, else the
 * customer's unpaid invoice with an `Upgrade` line naming the service's domain, else none.
 * Only invoices of the given client are ever returned.
 */
export class PendingInvoiceFinder {
  constructor(
    private readonly api: ClientzoneApi,
    private readonly records: KeyValueRecords,
  ) {}

  async find(
    clientId: number,
    serviceId: number,
    domain: string,
    signal?: AbortSignal,
  ): Promise<InvoiceRef | null> {
    const own = await this.fromOwnRecord(clientId, serviceId, signal);
    if (own) return own;
    return this.scanUnpaid(clientId, signal, (invoice) =>
      isUnpaidUpgradeOf(invoice, clientId, serviceId, domain),
    );
  }

  /** The unpaid renewal invoice of a service (a `Hosting` line for it), if any. */
  findRenewal(
    clientId: number,
    serviceId: number,
    signal?: AbortSignal,
  ): Promise<InvoiceRef | null> {
    return this.scanUnpaid(clientId, signal, (invoice) =>
      invoice.items.some(
        (item) => item.type.toLowerCase() === 'hosting' && item.relId === serviceId,
      ),
    );
  }

  private async scanUnpaid(
    clientId: number,
    signal: AbortSignal | undefined,
    matches: (invoice: InvoiceDetail) => boolean,
  ): Promise<InvoiceRef | null> {
    const unpaid = await this.api.getUnpaidInvoices(clientId, { signal });
    const newestFirst = [...unpaid].sort((a, b) => b.id - a.id).slice(0, MAX_INVOICES_TO_OPEN);
    for (const summary of newestFirst) {
      const invoice = await this.api.getInvoice(summary.id, { signal });
      const own = invoice.userId === clientId && invoice.status === 'Unpaid';
      if (own && matches(invoice)) return toRef(invoice);
    }
    return null;
  }

  private async fromOwnRecord(
    clientId: number,
    serviceId: number,
    signal?: AbortSignal,
  ): Promise<InvoiceRef | null> {
    const record = await this.records.get<PlacedUpgradeRecord>(
      PLACED_UPGRADES_NAMESPACE,
      String(serviceId),
    );
    if (!record?.invoiceId || record.clientId !== clientId) return null;
    const invoice = await this.api.getInvoice(record.invoiceId, { signal });
    return invoice.userId === clientId && invoice.status === 'Unpaid' ? toRef(invoice) : null;
  }
}

function isUnpaidUpgradeOf(
  invoice: InvoiceDetail,
  clientId: number,
  serviceId: number,
  domain: string,
): boolean {
  if (invoice.userId !== clientId || invoice.status !== 'Unpaid') return false;
  const needle = domain.toLowerCase();
  return invoice.items.some(
    (item) =>
      item.type.toLowerCase() === 'upgrade' &&
      (item.description.toLowerCase().includes(needle) || item.relId === serviceId),
  );
}

export function toRef(invoice: InvoiceDetail): InvoiceRef {
  return { id: invoice.id, total: invoice.total, dueDate: invoice.dueDate, status: invoice.status };
}
