import { createServer, type AddressInfo } from 'node:net';

import { expect } from 'chai';

import type { AppErrorCode } from '../../clientzone/appError.js';
import {
  expectAppError,
  fixture,
  fixtureText,
  makeClient,
  onAction,
  useNock,
} from './clientzoneTestKit.js';

/** A loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('ClientzoneClient error mapping', () => {
  useNock();

  const answers: ReadonlyArray<readonly [string, number, string, AppErrorCode]> = [
    ['403 Authentication Failed', 403, 'error.authenticationFailed', 'CLIENTZONE_AUTH'],
    ['403 Invalid IP', 403, 'error.invalidIp', 'CLIENTZONE_AUTH'],
    ['200 Invalid IP', 200, 'error.invalidIp', 'CLIENTZONE_AUTH'],
    ['403 Invalid Permissions', 403, 'error.invalidPermissions', 'CLIENTZONE_AUTH'],
    ['200 Command Not Found', 200, 'error.commandNotFound', 'CLIENTZONE_UNSUPPORTED'],
    ['404 Command Not Found', 404, 'error.commandNotFound', 'CLIENTZONE_UNSUPPORTED'],
    ['Client Not Found', 200, 'error.clientNotFound', 'CLIENTZONE_NOT_FOUND'],
    ['Service ID Not Found', 200, 'upgradeProduct.serviceNotFound', 'CLIENTZONE_NOT_FOUND'],
    ['status=error Invoice ID Not Found', 200, 'getInvoice.notFound', 'CLIENTZONE_NOT_FOUND'],
    ['an unpaid upgrade invoice', 200, 'upgradeProduct.pending', 'CLIENTZONE_UPGRADE_PENDING'],
    ['Invalid Payment Method', 200, 'upgradeProduct.invalidPaymentMethod', 'CLIENTZONE_REJECTED'],
  ];
  for (const [what, status, name, code] of answers) {
    it(`when Clientzone answers ${what} (HTTP ${status}), then the code is ${code}`, async () => {
      const body = fixture(name);
      onAction('GetInvoice').reply(status, body);
      const error = await expectAppError(makeClient().getInvoice(1), code);
      expect(error.details).to.include({
        action: 'GetInvoice',
        httpStatus: status,
        clientzoneMessage: body.message,
      });
    });
  }

  for (const status of [200, 500]) {
    it(`when an HTML page comes with HTTP ${status}, then the code is CLIENTZONE_UNAVAILABLE`, async () => {
      const scope = onAction('GetInvoice')
        .times(3)
        .reply(status, fixtureText('errorPage.html'), { 'Content-Type': 'text/html' });
      await expectAppError(makeClient().getInvoice(1), 'CLIENTZONE_UNAVAILABLE');
      expect(scope.isDone(), 'a read is tried three times').to.equal(true);
    });
  }

  it('when a PHP notice precedes the JSON, then the answer is still read', async () => {
    const notice = '<br />\n<b>Deprecated</b>: Function x is deprecated in <b>y.php</b><br />\n';
    onAction('OpenTicket').reply(200, notice + fixtureText('openTicket.json'));
    const request = { deptId: 2, clientId: 1001, subject: 's', message: 'm' };
    expect(await makeClient().openTicket(request)).to.deep.equal({ id: 742, tid: '845219' });
  });

  it('when the answer has the wrong shape, then the code is CLIENTZONE_BAD_RESPONSE, not retried', async () => {
    let calls = 0;
    onAction('GetClientsProducts')
      .times(3)
      .reply(() => {
        calls += 1;
        return [200, { result: 'success', products: { product: [{ id: 'abc', pid: 1 }] } }];
      });
    const error = await expectAppError(
      makeClient().getClientServices(1),
      'CLIENTZONE_BAD_RESPONSE',
    );
    expect(calls).to.equal(1);
    expect(String(error.details?.issues)).to.contain('id');
  });

  it('when the JSON has no result field, then the code is CLIENTZONE_BAD_RESPONSE', async () => {
    onAction('GetInvoice').reply(200, { invoiceid: 1 });
    await expectAppError(makeClient().getInvoice(1), 'CLIENTZONE_BAD_RESPONSE');
  });

  it('when Clientzone answers slower than timeoutMs, then the code is CLIENTZONE_TIMEOUT', async () => {
    onAction('GetInvoice').delay(300).reply(200, fixture('getInvoice'));
    const client = makeClient({ timeoutMs: 50, retries: 0 });
    await expectAppError(client.getInvoice(1), 'CLIENTZONE_TIMEOUT');
  });

  it('when the connection is refused, then the code is CLIENTZONE_UNAVAILABLE', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/includes/api.php`;
    const client = makeClient({ apiUrl, retries: 0 });
    const error = await expectAppError(client.getInvoice(1), 'CLIENTZONE_UNAVAILABLE');
    expect(error.details?.transportCode).to.equal('ECONNREFUSED');
  });

  it('when the server drops the connection, then the code is CLIENTZONE_UNAVAILABLE', async () => {
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = makeClient({ apiUrl: `http://127.0.0.1:${port}/includes/api.php`, retries: 0 });
    try {
      await expectAppError(client.getInvoice(1), 'CLIENTZONE_UNAVAILABLE');
    } finally {
      server.close();
    }
  });
});
