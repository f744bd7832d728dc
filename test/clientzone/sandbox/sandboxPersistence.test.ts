import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { daysAfter, TestSandbox, TEST_NOW } from './sandboxTestKit.js';

describe('Clientzone sandbox: persistence and reset', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'clientzone-sandbox-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('when the sandbox restarts on the same data file, then placed upgrades and due dates survive', async () => {
    const dataFile = path.join(directory, 'nested', 'sandbox.json');
    const first = await TestSandbox.start({ dataFile });
    await first.api('UpgradeProduct', {
      serviceid: 2001,
      type: 'product',
      newproductid: 2,
      newproductbillingcycle: 'annually',
      paymentmethod: 'banktransfer',
    });
    const before = await first.records();
    await first.close();

    const second = await TestSandbox.start({ dataFile, now: () => daysAfter(TEST_NOW, 3) });
    const after = await second.records();
    await second.close();

    expect(after.upgrades).to.deep.equal(before.upgrades);
    expect(after.invoices).to.deep.equal(before.invoices);
    expect(after.services).to.deep.equal(before.services);
    expect(readdirSync(path.dirname(dataFile))).to.deep.equal(['sandbox.json']);
  });

  it('when reset is requested, then the seeded state comes back', async () => {
    const sandbox = await TestSandbox.start();
    const seeded = await sandbox.records();
    await sandbox.api('OpenTicket', { clientid: 1001, deptid: 2, subject: 'Hai', message: 'Halo' });

    const reset = await sandbox.send('POST', '/__sandbox/reset');
    const after = await sandbox.records();
    await sandbox.close();

    expect(reset.status).to.equal(200);
    expect(after.tickets).to.deep.equal([]);
    expect(after.invoices).to.deep.equal(seeded.invoices);
  });

  it('when the data file holds another state version, then the sandbox reseeds it', async () => {
    const dataFile = path.join(directory, 'sandbox.json');
    writeFileSync(dataFile, JSON.stringify({ version: 0, state: {} }));

    const sandbox = await TestSandbox.start({ dataFile });
    const records = await sandbox.records();
    await sandbox.close();

    expect(records.services).to.have.length(11);
    expect(JSON.parse(readFileSync(dataFile, 'utf8'))).to.include({ version: 1 });
  });
});
