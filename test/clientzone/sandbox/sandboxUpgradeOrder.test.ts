import { expect } from 'chai';
import { TestSandbox, type ApiError } from './sandboxTestKit.js';
import {
  SARI_TO_ENTERPRISE,
  UNPAID_UPGRADE_MESSAGE,
  type InvoiceDetail,
  type PlacedUpgrade,
  type ProductQuote,
  type ServiceRows,
} from './upgradeFixtures.js';

async function placeSariUpgrade(sandbox: TestSandbox): Promise<number> {
  const placed = await sandbox.api<PlacedUpgrade>('UpgradeProduct', SARI_TO_ENTERPRISE);
  if (placed.data.invoiceid === null) throw new Error('expected an invoice');
  return placed.data.invoiceid;
}

describe('Clientzone sandbox: placing and paying upgrades', () => {
  let sandbox: TestSandbox;

  beforeEach(async () => {
    sandbox = await TestSandbox.start();
  });

  afterEach(async () => {
    await sandbox.close();
  });

  it('when an upgrade is placed, then an Unpaid invoice due today holds one Upgrade item naming the domain', async () => {
    const placed = await sandbox.api<PlacedUpgrade>('UpgradeProduct', SARI_TO_ENTERPRISE);
    const invoice = await sandbox.api<InvoiceDetail>('GetInvoice', {
      invoiceid: Number(placed.data.invoiceid),
    });

    expect(placed.data).to.include({ result: 'success', price: 'Rp35.714' });
    expect(String(placed.data.order_number)).to.match(/^\d{10}$/);
    expect(invoice.data).to.include({ status: 'Unpaid', duedate: '2025-03-01', total: '35714.00' });
    const [item] = invoice.data.items.item;
    expect(item.type).to.equal('Upgrade');
    expect(item.description)
      .to.contain('sarikreatif.id')
      .and.contain('OX Mail Business => OX Mail Enterprise');
    const upgrades = (await sandbox.records()).upgrades.filter((upgrade) => upgrade.relid === 2003);
    expect(upgrades.map((upgrade) => [upgrade.id, upgrade.status])).to.deep.equal([
      [Number(item.relid), 'Pending'],
    ]);
  });

  it('when its invoice is unpaid, then a quote says upgradeinprogress and a second order is refused', async () => {
    await placeSariUpgrade(sandbox);

    const quote = await sandbox.api<ProductQuote>('UpgradeProduct', {
      ...SARI_TO_ENTERPRISE,
      calconly: 'true',
    });
    const refused = await sandbox.api<ApiError>('UpgradeProduct', SARI_TO_ENTERPRISE);

    expect(quote.data.upgradeinprogress).to.equal(1);
    expect(refused.data).to.deep.equal({ result: 'error', message: UNPAID_UPGRADE_MESSAGE });
    const upgrades = (await sandbox.records()).upgrades.filter((upgrade) => upgrade.relid === 2003);
    expect(upgrades).to.have.length(1);
  });

  it('when the upgrade invoice is paid, then the service changes and a new upgrade is accepted', async () => {
    const invoiceId = await placeSariUpgrade(sandbox);

    const paid = await sandbox.api('AddInvoicePayment', {
      invoiceid: invoiceId,
      transid: 'TEST-1',
      gateway: 'banktransfer',
      amount: '35714.00',
    });
    const service = await sandbox.api<ServiceRows>('GetClientsProducts', { serviceid: 2003 });
    const more = await sandbox.api('UpgradeProduct', {
      serviceid: 2003,
      type: 'configoptions',
      'configoptions[77]': 12,
      paymentmethod: 'banktransfer',
    });

    expect(paid.data).to.deep.equal({ result: 'success' });
    expect(service.data.products.product[0]).to.include({
      pid: '3',
      name: 'OX Mail Enterprise',
      recurringamount: '200000.00',
      nextduedate: '2025-03-21',
    });
    expect(more.data).to.include({ result: 'success', newvalue1: '12 x Akun', price1: 'Rp14.286' });
  });

  it('when the pending upgrade invoice is cancelled, then the service can be upgraded again', async () => {
    const accounts = { serviceid: 2007, type: 'configoptions', 'configoptions[77]': 9 };
    const before = await sandbox.api<ProductQuote>('UpgradeProduct', { ...accounts, calconly: 1 });
    const [pending] = (await sandbox.records()).invoices.filter(
      (invoice) => invoice.userid === 1005,
    );

    const cancelled = await sandbox.api('UpdateInvoice', {
      invoiceid: pending.id,
      status: 'Cancelled',
    });
    const placed = await sandbox.api<PlacedUpgrade>('UpgradeProduct', {
      ...accounts,
      paymentmethod: 'banktransfer',
    });

    expect(before.data.upgradeinprogress).to.equal(1);
    expect(cancelled.data).to.deep.equal({ result: 'success', invoiceid: pending.id });
    expect(placed.data.result).to.equal('success');
    expect(placed.data.invoiceid).to.be.a('number').and.not.equal(pending.id);
  });

  it('when the new package is cheaper, then nothing is payable, no invoice is made and it applies at once', async () => {
    const response = await sandbox.api<PlacedUpgrade>('UpgradeProduct', {
      ...SARI_TO_ENTERPRISE,
      newproductid: 1,
    });

    expect(response.data).to.include({ result: 'success', price: 'Rp-17.857', invoiceid: null });
    const service = (await sandbox.records()).services.find((candidate) => candidate.id === 2003);
    expect(service).to.include({ pid: 1, amount: 125000 });
  });

  it('when the payment method is unknown, then the order is refused', async () => {
    const response = await sandbox.api<ApiError>('UpgradeProduct', {
      ...SARI_TO_ENTERPRISE,
      paymentmethod: 'bitcoin',
    });

    expect(response.data).to.deep.equal({
      result: 'error',
      message: 'Invalid Payment Method. Valid options include banktransfer,mailin',
    });
  });
});
