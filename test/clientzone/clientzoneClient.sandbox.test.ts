import { expect } from 'chai';

import { ClientzoneClient } from '../../clientzone/clientzoneClient.js';
import {
  SANDBOX_IDENTIFIER,
  SANDBOX_PRODUCT_GROUP_ID,
  SANDBOX_SECRET,
  startSandbox,
} from '../../clientzone/sandbox/index.js';
import type { ClientService, UpgradeRequest } from '../../clientzone/types.js';
import { expectAppError } from './clientzoneTestKit.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const BUDI = 1001;
const SARI = 1002;
const AGUS = 1005;
const RINA = 1006;
const BILLING = 2;

function oxMailServices(services: ClientService[]): ClientService[] {
  return services.filter((service) => service.groupName === 'OX Mail');
}

describe('ClientzoneClient against the Clientzone sandbox (real HTTP)', () => {
  let sandbox: Sandbox;
  let client: ClientzoneClient;

  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, dataFile: null });
    client = new ClientzoneClient({
      apiUrl: sandbox.apiUrl,
      identifier: SANDBOX_IDENTIFIER,
      secret: SANDBOX_SECRET,
      retryDelayMs: 10,
    });
  });
  afterEach(() => sandbox.close());

  async function budiStarter(): Promise<ClientService> {
    const [starter] = oxMailServices(await client.getClientServices(BUDI));
    return starter;
  }

  it('when Budi is read, then his details and language come back normalised', async () => {
    const details = await client.getClientDetails(BUDI);
    expect(details).to.include({ id: BUDI, firstName: 'Budi', currencyCode: 'IDR' });
    expect(details.language).to.equal('indonesian');
  });

  it("when Budi's services are read, then there is an annual OX Mail Starter with 5 accounts", async () => {
    const services = await client.getClientServices(BUDI);
    const starter = await budiStarter();
    expect(starter).to.include({ name: 'OX Mail Starter', status: 'Active' });
    expect(starter.billingCycle).to.equal('annually');
    expect(starter.nextDueDate).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(starter.recurringAmount).to.be.greaterThan(0);
    const accounts = starter.configOptions.find((option) => option.id === 77);
    expect(accounts).to.include({ type: 'quantity', value: '5' });
    expect(services.filter((service) => service.groupName !== 'OX Mail')).to.have.length(1);
  });

  it('when Rina (hosting only) is read, then she has no OX Mail service', async () => {
    const services = await client.getClientServices(RINA);
    expect(services.length).to.be.greaterThan(0);
    expect(oxMailServices(services)).to.deep.equal([]);
  });

  it('when the OX Mail group is read, then its packages have prices and an account option', async () => {
    const products = await client.getProducts(SANDBOX_PRODUCT_GROUP_ID);
    expect(products.length).to.be.at.least(3);
    for (const product of products) {
      expect(product.gid).to.equal(SANDBOX_PRODUCT_GROUP_ID);
      expect(product.pricing.IDR?.annually).to.be.a('number');
      const accounts = product.configOptions.find((option) => option.id === 77);
      expect(accounts).to.include({ type: '4' });
      expect(accounts?.minQty).to.be.at.most(accounts?.maxQty ?? 0);
      expect(accounts?.unitPricing.IDR?.annually).to.be.a('number');
    }
  });

  it('when Budi upgrades his package and pays, then the invoice is found and the service changes', async () => {
    const starter = await budiStarter();
    const products = await client.getProducts(SANDBOX_PRODUCT_GROUP_ID);
    const current = products.find((product) => product.pid === starter.pid);
    const target = products.find(
      (product) => (product.pricing.IDR?.annually ?? 0) > (current?.pricing.IDR?.annually ?? 0),
    );
    if (target === undefined) throw new Error('the sandbox offers no higher package');
    const request: UpgradeRequest = {
      type: 'product',
      serviceId: starter.id,
      paymentMethod: 'banktransfer',
      newProductId: target.pid,
      newBillingCycle: 'annually',
    };

    const quote = await client.quoteUpgrade(request);
    expect(quote).to.include({ newProductName: target.name, upgradeInProgress: false });
    expect(quote.price).to.be.greaterThan(0);
    expect(quote.priceFormatted).to.match(/^Rp/);
    expect(quote.daysUntilRenewal).to.be.within(1, quote.totalDays);

    const placed = await client.placeUpgrade(request);
    expect(placed.invoiceId).to.be.a('number');
    expect(placed.price).to.equal(quote.price);
    const invoiceId = placed.invoiceId as number;

    const unpaid = await client.getUnpaidInvoices(BUDI);
    expect(unpaid.map((invoice) => invoice.id)).to.include(invoiceId);
    const invoice = await client.getInvoice(invoiceId);
    expect(invoice).to.include({ id: invoiceId, userId: BUDI, status: 'Unpaid' });
    expect(invoice.balance).to.equal(invoice.total);
    const upgradeItem = invoice.items.find((item) => item.type === 'Upgrade');
    expect(upgradeItem?.description).to.contain(starter.domain);

    expect((await client.quoteUpgrade(request)).upgradeInProgress).to.equal(true);
    await expectAppError(client.placeUpgrade(request), 'CLIENTZONE_UPGRADE_PENDING');

    const payment = { invoiceId, transId: 'SANDBOX-TEST-1', gateway: 'banktransfer' };
    await client.addInvoicePayment({ ...payment, amount: invoice.balance });
    expect((await client.getInvoice(invoiceId)).status).to.equal('Paid');
    const upgraded = (await client.getClientServices(BUDI)).find((s) => s.id === starter.id);
    expect(upgraded).to.include({ pid: target.pid, name: target.name });
    expect(upgraded?.recurringAmount).to.be.greaterThan(starter.recurringAmount);
    const moreAccounts: UpgradeRequest = {
      type: 'configoptions',
      serviceId: starter.id,
      paymentMethod: 'banktransfer',
      configOptions: { 77: 6 },
    };
    expect((await client.quoteUpgrade(moreAccounts)).upgradeInProgress).to.equal(false);
  });

  it('when Budi adds accounts and pays, then the quantity option changes', async () => {
    const starter = await budiStarter();
    const request: UpgradeRequest = {
      type: 'configoptions',
      serviceId: starter.id,
      paymentMethod: 'banktransfer',
      configOptions: { 77: 10 },
    };
    const quote = await client.quoteUpgrade(request);
    expect(quote.price).to.be.greaterThan(0);
    const placed = await client.placeUpgrade(request);
    const invoice = await client.getInvoice(placed.invoiceId as number);
    const payment = { invoiceId: invoice.id, transId: 'SANDBOX-TEST-2', gateway: 'banktransfer' };
    await client.addInvoicePayment({ ...payment, amount: invoice.balance });
    const after = (await client.getClientServices(BUDI)).find((s) => s.id === starter.id);
    expect(after?.configOptions.find((option) => option.id === 77)?.value).to.equal('10');
  });

  it('when Agus has an unpaid upgrade placed elsewhere, then quotes say so and placing fails', async () => {
    const [service] = oxMailServices(await client.getClientServices(AGUS));
    const request: UpgradeRequest = {
      type: 'configoptions',
      serviceId: service.id,
      paymentMethod: 'banktransfer',
      configOptions: { 77: Number(service.configOptions[0]?.value ?? 1) + 1 },
    };
    expect((await client.quoteUpgrade(request)).upgradeInProgress).to.equal(true);
    await expectAppError(client.placeUpgrade(request), 'CLIENTZONE_UPGRADE_PENDING');
    const unpaid = await client.getUnpaidInvoices(AGUS);
    const items = await Promise.all(unpaid.map((invoice) => client.getInvoice(invoice.id)));
    const upgradeItems = items
      .flatMap((invoice) => invoice.items)
      .filter((i) => i.type === 'Upgrade');
    expect(upgradeItems.some((item) => item.description.includes(service.domain))).to.equal(true);
  });

  it('when departments are read, then Billing is id 2', async () => {
    const departments = await client.getSupportDepartments();
    expect(departments).to.deep.include({ id: BILLING, name: 'Billing' });
  });

  it('when Sari files a downgrade ticket, then GetTickets finds it open in Billing', async () => {
    const [service] = oxMailServices(await client.getClientServices(SARI));
    const subject = `Downgrade ${service.name} (${service.domain})`;
    const ticket = await client.openTicket({
      deptId: BILLING,
      clientId: SARI,
      serviceId: service.id,
      subject,
      message: '**Permintaan downgrade** ke paket yang lebih kecil.',
      priority: 'Medium',
      markdown: true,
    });
    expect(ticket.tid).to.not.equal('');
    const tickets = await client.getTickets({ clientId: SARI, deptId: BILLING, status: 'Open' });
    expect(tickets.find((found) => found.id === ticket.id)).to.include({
      tid: ticket.tid,
      deptId: BILLING,
      subject,
      status: 'Open',
    });
  });

  it('when the secret is wrong, then the code is CLIENTZONE_AUTH', async () => {
    const intruder = new ClientzoneClient({
      apiUrl: sandbox.apiUrl,
      identifier: SANDBOX_IDENTIFIER,
      secret: 'wrong-secret',
    });
    const error = await expectAppError(intruder.getClientDetails(BUDI), 'CLIENTZONE_AUTH');
    expect(error.details?.httpStatus).to.equal(403);
  });

  it('when an invoice does not exist, then the code is CLIENTZONE_NOT_FOUND', async () => {
    await expectAppError(client.getInvoice(987654), 'CLIENTZONE_NOT_FOUND');
  });
});
