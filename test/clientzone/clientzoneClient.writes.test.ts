import { expect } from 'chai';

import type { UpgradeRequest } from '../../clientzone/types.js';
import { fixture, makeClient, onAction, replyRecording, useNock } from './clientzoneTestKit.js';

const PRODUCT_UPGRADE: UpgradeRequest = {
  type: 'product',
  serviceId: 5001,
  paymentMethod: 'banktransfer',
  newProductId: 12,
  newBillingCycle: 'annually',
};

const ACCOUNTS_UPGRADE: UpgradeRequest = {
  type: 'configoptions',
  serviceId: 5001,
  paymentMethod: 'banktransfer',
  configOptions: { 77: 10 },
};

describe('ClientzoneClient upgrades, tickets and payments', () => {
  useNock();
  let bodies: URLSearchParams[];
  beforeEach(() => {
    bodies = [];
  });

  it('when a product upgrade is quoted, then calconly=true is sent and the price parsed', async () => {
    replyRecording(onAction('UpgradeProduct'), 'upgradeProduct.quote', bodies);
    const quote = await makeClient().quoteUpgrade(PRODUCT_UPGRADE);
    expect(quote).to.deep.equal({
      price: 150000,
      priceFormatted: 'Rp150.000',
      daysUntilRenewal: 120,
      totalDays: 365,
      newProductName: 'OX Mail Business',
      upgradeInProgress: false,
    });
    expect(Object.fromEntries(bodies[0])).to.include({
      action: 'UpgradeProduct',
      serviceid: '5001',
      type: 'product',
      paymentmethod: 'banktransfer',
      newproductid: '12',
      newproductbillingcycle: 'annually',
      calconly: 'true',
    });
  });

  it('when a quote is negative ("Rp-50.000"), then the price is negative', async () => {
    replyRecording(onAction('UpgradeProduct'), 'upgradeProduct.quote.downgrade', bodies);
    const quote = await makeClient().quoteUpgrade(PRODUCT_UPGRADE);
    expect(quote).to.include({ price: -50000, priceFormatted: 'Rp-50.000' });
    expect(quote.upgradeInProgress).to.equal(false);
  });

  const inProgressCases: ReadonlyArray<readonly [unknown, boolean]> = [
    [true, true],
    ['true', true],
    [1, true],
    ['1', true],
    [false, false],
    ['false', false],
    [0, false],
    ['0', false],
    [undefined, false],
  ];
  for (const [value, expected] of inProgressCases) {
    it(`when upgradeinprogress is ${JSON.stringify(value)}, then it is ${expected}`, async () => {
      const answer = { ...fixture('upgradeProduct.quote'), upgradeinprogress: value };
      onAction('UpgradeProduct').reply(200, answer);
      const quote = await makeClient().quoteUpgrade(PRODUCT_UPGRADE);
      expect(quote.upgradeInProgress).to.equal(expected);
    });
  }

  it('when a quote comes with string numbers and upgradeinprogress 1, then it is read', async () => {
    replyRecording(onAction('UpgradeProduct'), 'upgradeProduct.quote.inProgress', bodies);
    const quote = await makeClient().quoteUpgrade(PRODUCT_UPGRADE);
    expect(quote).to.include({ daysUntilRenewal: 120, totalDays: 365, upgradeInProgress: true });
  });

  it('when accounts are quoted, then configoptions[77]=10 is sent PHP-style', async () => {
    replyRecording(onAction('UpgradeProduct'), 'upgradeProduct.quote.configoptions', bodies);
    await makeClient().quoteUpgrade(ACCOUNTS_UPGRADE);
    expect(bodies[0].get('configoptions[77]')).to.equal('10');
    expect(bodies[0].get('type')).to.equal('configoptions');
    expect(bodies[0].toString()).to.contain('configoptions%5B77%5D=10');
  });

  it('when WHMCS answers a configoptions quote with total and no days, then total is the price', async () => {
    replyRecording(onAction('UpgradeProduct'), 'upgradeProduct.quote.configoptions', bodies);
    const quote = await makeClient().quoteUpgrade(ACCOUNTS_UPGRADE);
    expect(quote).to.deep.equal({
      price: 1250000.5,
      priceFormatted: 'Rp1.250.000,50',
      daysUntilRenewal: 0,
      totalDays: 0,
      newProductName: '10 x Akun',
      upgradeInProgress: false,
    });
  });

  it('when an upgrade is placed, then calconly is not sent and the order is read', async () => {
    replyRecording(onAction('UpgradeProduct'), 'upgradeProduct.placed', bodies);
    const placed = await makeClient().placeUpgrade(PRODUCT_UPGRADE);
    expect(placed).to.deep.equal({
      orderId: 3188,
      orderNumber: '7315294021',
      invoiceId: 9012,
      price: 4.33,
      priceFormatted: '$4.33 USD',
      newProductName: 'OX Mail Business',
    });
    expect(bodies[0].has('calconly')).to.equal(false);
  });

  it('when a placed upgrade has invoiceid 0, then invoiceId is null', async () => {
    replyRecording(onAction('UpgradeProduct'), 'upgradeProduct.placed.nothingPayable', bodies);
    const placed = await makeClient().placeUpgrade(ACCOUNTS_UPGRADE);
    expect(placed).to.deep.equal({
      orderId: 3189,
      orderNumber: '4821937650',
      invoiceId: null,
      price: 0,
      priceFormatted: 'Rp0',
      newProductName: '5 x Akun',
    });
  });

  it('when a ticket is opened with markdown, then the fields and markdown=1 are sent', async () => {
    replyRecording(onAction('OpenTicket'), 'openTicket', bodies);
    const ticket = await makeClient().openTicket({
      deptId: 2,
      clientId: 1001,
      serviceId: 5001,
      subject: 'Downgrade OX Mail Business',
      message: '**Paket baru:** OX Mail Starter',
      priority: 'Medium',
      markdown: true,
    });
    expect(ticket).to.deep.equal({ id: 742, tid: '845219' });
    expect(Object.fromEntries(bodies[0])).to.deep.equal({
      action: 'OpenTicket',
      identifier: bodies[0].get('identifier'),
      secret: bodies[0].get('secret'),
      responsetype: 'json',
      deptid: '2',
      clientid: '1001',
      serviceid: '5001',
      subject: 'Downgrade OX Mail Business',
      message: '**Paket baru:** OX Mail Starter',
      priority: 'Medium',
      markdown: '1',
    });
  });

  it('when a ticket is opened without markdown, then markdown is not sent', async () => {
    replyRecording(onAction('OpenTicket'), 'openTicket', bodies);
    await makeClient().openTicket({ deptId: 2, clientId: 1001, subject: 's', message: 'm' });
    expect(bodies[0].has('markdown')).to.equal(false);
    expect(bodies[0].has('serviceid')).to.equal(false);
  });

  it('when a payment is added, then it resolves and sends the payment fields', async () => {
    replyRecording(onAction('AddInvoicePayment'), 'addInvoicePayment', bodies);
    const payment = { invoiceId: 9012, transId: 'TEST-1', gateway: 'banktransfer', amount: 150000 };
    expect(await makeClient().addInvoicePayment(payment)).to.equal(undefined);
    expect(Object.fromEntries(bodies[0])).to.include({
      invoiceid: '9012',
      transid: 'TEST-1',
      gateway: 'banktransfer',
      amount: '150000',
    });
  });
});
