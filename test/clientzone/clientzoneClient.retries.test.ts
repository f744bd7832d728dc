import { inspect } from 'node:util';

import { expect } from 'chai';

import type { UpgradeRequest } from '../../clientzone/types.js';
import {
  TEST_IDENTIFIER,
  TEST_SECRET,
  capturingLogger,
  expectAppError,
  fixture,
  makeClient,
  onAction,
  useNock,
} from './clientzoneTestKit.js';

const UPGRADE: UpgradeRequest = {
  type: 'configoptions',
  serviceId: 5001,
  paymentMethod: 'banktransfer',
  configOptions: { 77: 10 },
};

const TICKET = { deptId: 2, clientId: 1001, subject: 'Downgrade', message: 'Please' };

describe('ClientzoneClient retries, aborts, logs and metrics', () => {
  useNock();

  it('when a read fails with 502 once, then the second try succeeds', async () => {
    onAction('GetSupportDepartments').reply(502, 'Bad Gateway');
    const second = onAction('GetSupportDepartments').reply(200, fixture('getSupportDepartments'));
    const departments = await makeClient().getSupportDepartments();
    expect(departments).to.have.length(3);
    expect(second.isDone()).to.equal(true);
  });

  it('when a read times out once, then the second try succeeds', async () => {
    onAction('GetInvoice').delay(300).reply(200, fixture('getInvoice'));
    onAction('GetInvoice').reply(200, fixture('getInvoice'));
    const invoice = await makeClient({ timeoutMs: 50 }).getInvoice(9012);
    expect(invoice.id).to.equal(9012);
  });

  it('when a quote fails with 503 once, then it is retried (calconly changes nothing)', async () => {
    onAction('UpgradeProduct').reply(503);
    onAction('UpgradeProduct').reply(200, fixture('upgradeProduct.quote.configoptions'));
    const quote = await makeClient().quoteUpgrade(UPGRADE);
    expect(quote.price).to.equal(1250000.5);
  });

  it('when placing an upgrade fails with 503, then it is sent exactly once', async () => {
    let calls = 0;
    onAction('UpgradeProduct')
      .times(3)
      .reply(() => {
        calls += 1;
        return [503, 'Service Unavailable'];
      });
    await expectAppError(makeClient().placeUpgrade(UPGRADE), 'CLIENTZONE_UNAVAILABLE');
    expect(calls).to.equal(1);
  });

  it('when opening a ticket times out, then it is sent exactly once', async () => {
    let calls = 0;
    onAction('OpenTicket')
      .times(3)
      .delay(300)
      .reply(() => {
        calls += 1;
        return [200, fixture('openTicket')];
      });
    await expectAppError(makeClient({ timeoutMs: 50 }).openTicket(TICKET), 'CLIENTZONE_TIMEOUT');
    expect(calls).to.equal(1);
  });

  it('when adding a payment fails with 500, then it is sent exactly once', async () => {
    let calls = 0;
    onAction('AddInvoicePayment')
      .times(3)
      .reply(() => {
        calls += 1;
        return [500, 'oops'];
      });
    const payment = { invoiceId: 1, transId: 't', gateway: 'banktransfer' };
    await expectAppError(makeClient().addInvoicePayment(payment), 'CLIENTZONE_UNAVAILABLE');
    expect(calls).to.equal(1);
  });

  it('when a read is rejected by Clientzone, then it is not retried', async () => {
    let calls = 0;
    onAction('GetClientsDetails')
      .times(3)
      .reply(() => {
        calls += 1;
        return [200, fixture('error.clientNotFound')];
      });
    await expectAppError(makeClient().getClientDetails(9), 'CLIENTZONE_NOT_FOUND');
    expect(calls).to.equal(1);
  });

  it('when the signal aborts during the request, then the code is ABORTED', async () => {
    onAction('GetInvoice').delay(500).reply(200, fixture('getInvoice'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const call = makeClient().getInvoice(9012, { signal: controller.signal });
    await expectAppError(call, 'ABORTED');
  });

  it('when the signal is already aborted, then nothing is sent', async () => {
    const scope = onAction('GetInvoice').reply(200, fixture('getInvoice'));
    const call = makeClient().getInvoice(9012, { signal: AbortSignal.abort() });
    await expectAppError(call, 'ABORTED');
    expect(scope.isDone()).to.equal(false);
  });

  it('when the signal aborts while waiting to retry, then the code is ABORTED', async () => {
    onAction('GetInvoice').times(3).reply(503);
    const controller = new AbortController();
    const client = makeClient({ retryDelayMs: 200 });
    const call = client.getInvoice(9012, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expectAppError(call, 'ABORTED');
  });

  it('when calls succeed, fail and retry, then no log entry or error holds the credentials', async () => {
    const { entries, logger } = capturingLogger();
    const client = makeClient({ logger });
    onAction('GetSupportDepartments').reply(502);
    onAction('GetSupportDepartments').reply(200, fixture('getSupportDepartments'));
    onAction('GetInvoice').reply(403, fixture('error.authenticationFailed'));
    onAction('OpenTicket').replyWithError('socket hang up');
    await client.getSupportDepartments();
    const errors = [
      await expectAppError(client.getInvoice(1), 'CLIENTZONE_AUTH'),
      await expectAppError(client.openTicket(TICKET), 'CLIENTZONE_UNAVAILABLE'),
    ];
    expect(entries.map((entry) => entry.level)).to.include.members(['debug', 'warn']);
    const logged = JSON.stringify(entries) + JSON.stringify(errors) + errors.map(String).join();
    expect(logged).to.not.contain(TEST_SECRET);
    expect(logged).to.not.contain(TEST_IDENTIFIER);
    expect(errors.map((error) => error.cause)).to.deep.equal([undefined, undefined]);
  });

  it('when the client object is inspected or serialised, then the credentials do not show', () => {
    const client = makeClient({ accessKey: 'access-key-5d1e' });
    const shown = inspect(client, { depth: 10, showHidden: true }) + JSON.stringify(client);
    expect(shown).to.not.contain(TEST_SECRET);
    expect(shown).to.not.contain('access-key-5d1e');
  });

  it('when calls end, then onCall reports each one once with its outcome', async () => {
    const calls: [string, string][] = [];
    const client = makeClient({ onCall: (action, outcome) => calls.push([action, outcome]) });
    onAction('GetInvoice').reply(502);
    onAction('GetInvoice').reply(200, fixture('getInvoice'));
    onAction('OpenTicket').reply(200, fixture('upgradeProduct.pending'));
    await client.getInvoice(9012);
    await expectAppError(client.openTicket(TICKET), 'CLIENTZONE_UPGRADE_PENDING');
    expect(calls).to.deep.equal([
      ['GetInvoice', 'success'],
      ['OpenTicket', 'error'],
    ]);
  });
});
