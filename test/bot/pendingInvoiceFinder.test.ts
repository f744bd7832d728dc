import { expect } from 'chai';
import { PLACED_UPGRADES_NAMESPACE, PendingInvoiceFinder } from '../../bot/pendingInvoiceFinder.js';
import { SqliteKeyValueRecords, openSqliteDatabase } from '../../bot/storage/index.js';
import type { ClientzoneApi } from '../../clientzone/clientzoneApi.js';
import type { InvoiceDetail, InvoiceSummary } from '../../clientzone/types.js';

function invoice(id: number, overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    id,
    userId: 1001,
    status: 'Unpaid',
    total: 50000,
    balance: 50000,
    date: '2026-11-20',
    dueDate: '2026-11-27',
    items: [
      {
        type: 'Upgrade',
        relId: 9,
        description: 'Package Upgrade: OX Mail Business - contoh.co.id',
        amount: 50000,
      },
    ],
    ...overrides,
  };
}

/** A unit-test stand-in for the invoice reads of Clientzone. */
function fakeApi(invoices: InvoiceDetail[]): ClientzoneApi & { opened: number[] } {
  const opened: number[] = [];
  const api = {
    opened,
    getUnpaidInvoices: async (clientId: number): Promise<InvoiceSummary[]> =>
      invoices
        .filter((i) => i.userId === clientId && i.status === 'Unpaid')
        .map((i) => ({
          id: i.id,
          invoiceNum: '',
          date: i.date,
          dueDate: i.dueDate,
          total: i.total,
          status: i.status,
          currencyPrefix: 'Rp',
          currencySuffix: '',
        })),
    getInvoice: async (id: number) => {
      opened.push(id);
      const found = invoices.find((i) => i.id === id);
      if (!found) throw new Error('not found');
      return found;
    },
  };
  return api as unknown as ClientzoneApi & { opened: number[] };
}

describe('PendingInvoiceFinder', () => {
  const records = () => new SqliteKeyValueRecords(openSqliteDatabase({ file: ':memory:' }));

  it('when the bot placed the upgrade itself, then its recorded invoice is returned without scanning', async () => {
    const store = records();
    await store.put(PLACED_UPGRADES_NAMESPACE, '9', {
      clientId: 1001,
      serviceId: 9,
      invoiceId: 70,
      orderNumber: '1',
      placedAt: '',
    });
    const api = fakeApi([invoice(70), invoice(71)]);
    const found = await new PendingInvoiceFinder(api, store).find(1001, 9, 'contoh.co.id');
    expect(found).to.deep.equal({ id: 70, total: 50000, dueDate: '2026-11-27', status: 'Unpaid' });
    expect(api.opened).to.deep.equal([70]);
  });

  it('when the recorded invoice was paid, then the unpaid invoices are scanned for an upgrade of the domain', async () => {
    const store = records();
    await store.put(PLACED_UPGRADES_NAMESPACE, '9', {
      clientId: 1001,
      serviceId: 9,
      invoiceId: 70,
      orderNumber: '1',
      placedAt: '',
    });
    const renewal = invoice(72, {
      items: [{ type: 'Hosting', relId: 9, description: 'contoh.co.id renewal', amount: 1 }],
    });
    const api = fakeApi([invoice(70, { status: 'Paid' }), renewal, invoice(73)]);
    const found = await new PendingInvoiceFinder(api, store).find(1001, 9, 'contoh.co.id');
    expect(found?.id).to.equal(73);
  });

  it('when an upgrade invoice belongs to another client, then it is never returned', async () => {
    const store = records();
    await store.put(PLACED_UPGRADES_NAMESPACE, '9', {
      clientId: 1001,
      serviceId: 9,
      invoiceId: 80,
      orderNumber: '1',
      placedAt: '',
    });
    const api = fakeApi([invoice(80, { userId: 2002 })]);
    expect(await new PendingInvoiceFinder(api, store).find(1001, 9, 'contoh.co.id')).to.equal(null);
  });

  it('when no unpaid invoice has an upgrade line for the domain, then there is none', async () => {
    const api = fakeApi([
      invoice(90, { items: [{ type: 'Upgrade', relId: 5, description: 'lain.id', amount: 1 }] }),
    ]);
    expect(await new PendingInvoiceFinder(api, records()).find(1001, 9, 'contoh.co.id')).to.equal(
      null,
    );
  });
});
