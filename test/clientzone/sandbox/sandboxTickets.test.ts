import { expect } from 'chai';
import { SANDBOX_BILLING_DEPARTMENT_ID } from '../../../clientzone/sandbox/index.js';
import { TestSandbox, type ApiError } from './sandboxTestKit.js';

interface OpenedTicket {
  result: string;
  id: number;
  tid: string;
  c: string;
}

interface TicketList {
  totalresults: number;
  tickets?: { ticket: Record<string, unknown>[] };
}

const downgradeTicket = {
  deptid: SANDBOX_BILLING_DEPARTMENT_ID,
  clientid: 1002,
  serviceid: 2003,
  subject: 'Permintaan downgrade OX Mail sarikreatif.id',
  message: 'Mohon downgrade ke OX Mail Starter pada perpanjangan berikutnya.',
  priority: 'Medium',
  markdown: 'true',
};

describe('Clientzone sandbox: support tickets', () => {
  let sandbox: TestSandbox;

  beforeEach(async () => {
    sandbox = await TestSandbox.start();
  });

  afterEach(async () => {
    await sandbox.close();
  });

  it('when a downgrade ticket is opened, then it has a ticket number and GetTickets finds it', async () => {
    const opened = await sandbox.api<OpenedTicket>('OpenTicket', downgradeTicket);

    expect(opened.data.result).to.equal('success');
    expect(opened.data.tid).to.match(/^[A-Z]{3}-\d{6}$/);
    expect(opened.data.c).to.match(/^[A-Za-z0-9]{8}$/);
    const list = await sandbox.api<TicketList>('GetTickets', {
      clientid: 1002,
      deptid: SANDBOX_BILLING_DEPARTMENT_ID,
      status: 'All Active Tickets',
    });
    expect(list.data.totalresults).to.equal(1);
    expect(list.data.tickets?.ticket[0]).to.include({
      id: opened.data.id,
      tid: opened.data.tid,
      deptid: '2',
      userid: '1002',
      subject: downgradeTicket.subject,
      status: 'Open',
      priority: 'Medium',
      service: 'S2003',
      date: '2025-03-01 10:00:00',
    });
  });

  it('when another client has no tickets, then the tickets key is absent', async () => {
    await sandbox.api('OpenTicket', downgradeTicket);

    const list = await sandbox.api<TicketList>('GetTickets', {
      clientid: 1001,
      status: 'All Active Tickets',
    });

    expect(list.data).to.deep.equal({
      result: 'success',
      totalresults: 0,
      startnumber: 0,
      numreturned: 0,
    });
  });

  it('when the service belongs to someone else, then the ticket is refused and nothing is stored', async () => {
    const response = await sandbox.api<ApiError>('OpenTicket', {
      ...downgradeTicket,
      serviceid: 2001,
    });

    expect(response.data).to.deep.equal({ result: 'error', message: 'Service ID Not Found' });
    expect((await sandbox.records()).tickets).to.deep.equal([]);
  });

  it('when the department does not exist, then the ticket is refused', async () => {
    const response = await sandbox.api<ApiError>('OpenTicket', { ...downgradeTicket, deptid: 99 });

    expect(response.data).to.deep.equal({ result: 'error', message: 'Department ID not found' });
  });
});
