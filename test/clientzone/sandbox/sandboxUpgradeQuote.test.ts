import { expect } from 'chai';
import { daysAfter, TestSandbox, TEST_NOW, type ApiError } from './sandboxTestKit.js';
import { SARI_TO_ENTERPRISE, type ProductQuote } from './upgradeFixtures.js';

describe('Clientzone sandbox: UpgradeProduct quotes', () => {
  let sandbox: TestSandbox;

  beforeEach(async () => {
    sandbox = await TestSandbox.start();
  });

  afterEach(async () => {
    await sandbox.close();
  });

  it('when quoting 20 days before the due date, then the price is prorated over the 28-day period', async () => {
    const response = await sandbox.api<ProductQuote>('UpgradeProduct', {
      ...SARI_TO_ENTERPRISE,
      calconly: 'true',
    });

    expect(response.data).to.include({
      result: 'success',
      price: 'Rp35.714',
      daysuntilrenewal: 20,
      totaldays: 28,
      newproductname: 'OX Mail Enterprise',
      upgradeinprogress: 0,
    });
  });

  it('when the clock moves 10 days on, then the quote covers the 10 days left', async () => {
    await sandbox.moveClock(daysAfter(TEST_NOW, 10));

    const response = await sandbox.api<ProductQuote>('UpgradeProduct', {
      ...SARI_TO_ENTERPRISE,
      calconly: 1,
    });

    expect(response.data).to.include({ price: 'Rp17.857', daysuntilrenewal: 10, totaldays: 28 });
  });

  it('when calconly is the string "false", then WHMCS semantics apply: it only quotes', async () => {
    await sandbox.api('UpgradeProduct', { ...SARI_TO_ENTERPRISE, calconly: 'false' });

    const records = await sandbox.records();

    expect(records.orders.filter((order) => order.userid === 1002)).to.deep.equal([]);
  });

  for (const [quantity, message] of [
    ['501', 'Jumlah Akun Email quantity must be between 1 and 500'],
    ['0', 'Jumlah Akun Email quantity must be between 1 and 500'],
    ['many', 'Invalid quantity for Jumlah Akun Email: many'],
  ]) {
    it(`when asking for ${quantity} accounts, then it refuses: ${message}`, async () => {
      const response = await sandbox.api<ApiError>('UpgradeProduct', {
        serviceid: 2011,
        calconly: 'true',
        type: 'configoptions',
        'configoptions[77]': quantity,
      });

      expect(response.data).to.deep.equal({ result: 'error', message });
    });
  }

  it('when asking for the maximum of 500 accounts, then it quotes the two extra accounts', async () => {
    const response = await sandbox.api('UpgradeProduct', {
      serviceid: 2011,
      calconly: 'true',
      type: 'configoptions',
      'configoptions[77]': 500,
    });

    expect(response.data).to.include({
      result: 'success',
      configname1: 'Jumlah Akun Email',
      originalvalue1: 498,
      newvalue1: '500 x Akun',
      upgradeinprogress: 0,
    });
  });

  for (const [name, params, message] of [
    [
      'the service is suspended',
      { serviceid: 2006, newproductid: 3 },
      'Unable to upgrade a service whose status is Suspended',
    ],
    ['the service does not exist', { serviceid: 9999, newproductid: 3 }, 'Service ID Not Found'],
    ['the product does not exist', { serviceid: 2001, newproductid: 42 }, 'Invalid New Product ID'],
    [
      'the product is web hosting',
      { serviceid: 2001, newproductid: 10 },
      'Invalid new product ID for upgrade',
    ],
    [
      'the product is the current one',
      { serviceid: 2001, newproductid: 1 },
      'The new product is the same as the current product',
    ],
  ] as const) {
    it(`when ${name}, then the quote is refused`, async () => {
      const response = await sandbox.api<ApiError>('UpgradeProduct', {
        ...params,
        calconly: 'true',
        type: 'product',
        newproductbillingcycle: 'annually',
      });

      expect(response.data).to.deep.equal({ result: 'error', message });
    });
  }
});
