import { expect } from 'chai';

import { ClientzoneClient } from '../../clientzone/clientzoneClient.js';
import {
  SANDBOX_IDENTIFIER,
  SANDBOX_SECRET,
  startSandbox,
} from '../../clientzone/sandbox/index.js';
import type { UpgradeRequest } from '../../clientzone/types.js';
import { expectAppError } from './clientzoneTestKit.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const BUDI = 1001;

interface Fault {
  action: string;
  mode: 'delay' | 'status500' | 'html' | 'reset-before' | 'reset-after-commit';
  ms?: number;
  times?: number;
}

describe('ClientzoneClient against sandbox faults (real HTTP)', () => {
  let sandbox: Sandbox;
  let client: ClientzoneClient;

  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, dataFile: null });
    client = new ClientzoneClient({
      apiUrl: sandbox.apiUrl,
      identifier: SANDBOX_IDENTIFIER,
      secret: SANDBOX_SECRET,
      timeoutMs: 300,
      retryDelayMs: 10,
    });
  });
  afterEach(() => sandbox.close());

  async function injectFault(fault: Fault): Promise<void> {
    const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(fault),
    });
    expect(response.status, await response.text()).to.equal(201);
  }

  async function accountsUpgrade(): Promise<UpgradeRequest> {
    const [starter] = (await client.getClientServices(BUDI)).filter(
      (service) => service.groupName === 'OX Mail',
    );
    return {
      type: 'configoptions',
      serviceId: starter.id,
      paymentMethod: 'banktransfer',
      configOptions: { 77: 10 },
    };
  }

  for (const mode of ['status500', 'html', 'reset-before'] as const) {
    it(`when a read meets one ${mode} fault, then the retry succeeds`, async () => {
      await injectFault({ action: 'GetInvoices', mode });
      expect(await client.getUnpaidInvoices(BUDI)).to.be.an('array');
    });
  }

  it('when a read is slower than timeoutMs every time, then the code is CLIENTZONE_TIMEOUT', async () => {
    await injectFault({ action: 'GetSupportDepartments', mode: 'delay', ms: 1000, times: 3 });
    await expectAppError(client.getSupportDepartments(), 'CLIENTZONE_TIMEOUT');
  });

  it('when placing loses its answer, then it is not resent and the upgrade exists once', async () => {
    const request = await accountsUpgrade();
    await injectFault({ action: 'UpgradeProduct', mode: 'reset-after-commit' });
    await expectAppError(client.placeUpgrade(request), 'CLIENTZONE_UNAVAILABLE');
    expect((await client.quoteUpgrade(request)).upgradeInProgress).to.equal(true);
    const unpaid = await client.getUnpaidInvoices(BUDI);
    const invoices = await Promise.all(unpaid.map((invoice) => client.getInvoice(invoice.id)));
    const upgrades = invoices.filter((invoice) => invoice.items.some((i) => i.type === 'Upgrade'));
    expect(upgrades).to.have.length(1);
  });

  it('when opening a ticket meets an HTML error page, then it fails once, unretried', async () => {
    await injectFault({ action: 'OpenTicket', mode: 'html' });
    const ticket = { deptId: 2, clientId: BUDI, subject: 'Downgrade', message: 'Please' };
    await expectAppError(client.openTicket(ticket), 'CLIENTZONE_UNAVAILABLE');
    expect(await client.getTickets({ clientId: BUDI })).to.deep.equal([]);
  });
});
