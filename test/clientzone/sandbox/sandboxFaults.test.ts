import { expect } from 'chai';
import { TestSandbox } from './sandboxTestKit.js';

const placeUpgrade = {
  serviceid: 2001,
  type: 'product',
  newproductid: 2,
  newproductbillingcycle: 'annually',
  paymentmethod: 'banktransfer',
};

async function upgradesOf(sandbox: TestSandbox, serviceId: number) {
  return (await sandbox.records()).upgrades.filter((upgrade) => upgrade.relid === serviceId);
}

async function networkError(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
  throw new Error('expected the connection to fail');
}

describe('Clientzone sandbox: injected faults', () => {
  let sandbox: TestSandbox;

  beforeEach(async () => {
    sandbox = await TestSandbox.start();
  });

  afterEach(async () => {
    await sandbox.close();
  });

  it('when the response is lost after commit, then the upgrade exists exactly once and the next call is normal', async () => {
    await sandbox.send('POST', '/__sandbox/faults', {
      action: 'UpgradeProduct',
      mode: 'reset-after-commit',
    });

    const code = await networkError(sandbox.api('UpgradeProduct', placeUpgrade));
    const retry = await sandbox.api('UpgradeProduct', { ...placeUpgrade, calconly: 'true' });

    expect(code).to.equal('ECONNRESET');
    expect(await upgradesOf(sandbox, 2001)).to.have.length(1);
    expect(retry.data).to.include({ result: 'success', upgradeinprogress: 1 });
  });

  it('when the connection is reset before, then nothing is created', async () => {
    await sandbox.send('POST', '/__sandbox/faults', {
      action: 'upgradeproduct',
      mode: 'reset-before',
    });

    const code = await networkError(sandbox.api('UpgradeProduct', placeUpgrade));

    expect(code).to.equal('ECONNRESET');
    expect(await upgradesOf(sandbox, 2001)).to.deep.equal([]);
  });

  it('when the html fault is armed, then a 200 HTML page comes back and nothing is created', async () => {
    await sandbox.send('POST', '/__sandbox/faults', { action: 'upgradeproduct', mode: 'html' });

    const response = await sandbox.api<string>('UpgradeProduct', placeUpgrade);

    expect(response.status).to.equal(200);
    expect(response.headers['content-type']).to.contain('text/html');
    expect(response.data).to.contain('<html>');
    expect(await upgradesOf(sandbox, 2001)).to.deep.equal([]);
  });

  it('when status500 is armed twice, then two calls fail with 500 and the third succeeds', async () => {
    await sandbox.send('POST', '/__sandbox/faults', {
      action: 'GetClientsDetails',
      mode: 'status500',
      times: 2,
    });

    const statuses = [];
    for (let call = 0; call < 3; call += 1) {
      statuses.push((await sandbox.api('GetClientsDetails', { clientid: 1001 })).status);
    }

    expect(statuses).to.deep.equal([500, 500, 200]);
  });

  it('when the answer is slow after commit, then it arrives late but the upgrade is made', async () => {
    await sandbox.send('POST', '/__sandbox/faults', {
      action: 'upgradeproduct',
      mode: 'slow-after-commit',
      ms: 60,
    });

    const started = Date.now();
    const response = await sandbox.api('UpgradeProduct', placeUpgrade);

    expect(Date.now() - started).to.be.at.least(55);
    expect(response.data).to.include({ result: 'success' });
    expect(await upgradesOf(sandbox, 2001)).to.have.length(1);
  });

  it('when faults are cleared, then calls behave normally', async () => {
    await sandbox.send('POST', '/__sandbox/faults', { action: '*', mode: 'status500', times: 5 });

    const cleared = await sandbox.send('DELETE', '/__sandbox/faults');
    const response = await sandbox.api('GetClientsDetails', { clientid: 1001 });

    expect(cleared.status).to.equal(200);
    expect(response.status).to.equal(200);
  });

  it('when a fault request is malformed, then it is refused with 400', async () => {
    const response = await sandbox.send('POST', '/__sandbox/faults', {
      action: 'x',
      mode: 'explode',
    });

    expect(response.status).to.equal(400);
  });
});
