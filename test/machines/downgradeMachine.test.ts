import { expect } from 'chai';
import { AppError } from '../../clientzone/appError.js';
import { downgradeMachine } from '../../machines/downgradeMachine.js';
import type { DowngradeInput, DowngradeReply } from '../../machines/downgradeTypes.js';
import { renewalWindow } from '../../machines/renewalWindow.js';
import { FakeActors, FlowDriver } from './flowDriver.js';
import { CATALOGUE, PENDING_INVOICE, oxService } from './upgradeFixtures.js';

type Actor = 'loadAccount' | 'inspectDowngrade' | 'scheduleReminder' | 'fileDowngradeTicket';
const TODAY = '2026-11-26';
const TICKET = { id: 41, tid: 'ABC-123456', status: 'Open' };

function addDays(days: number): string {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function effects(
  service = oxService({ pid: 2, name: 'OX Mail Business', nextDueDate: addDays(20) }),
) {
  return new FakeActors<Actor>({
    loadAccount: { output: { services: [service], catalogue: CATALOGUE } },
    inspectDowngrade: { output: { existingTicket: null, unpaidRenewal: null } },
    scheduleReminder: { output: undefined },
    fileDowngradeTicket: { output: TICKET },
  });
}

const INPUT: DowngradeInput = {
  clientId: 1001,
  productGroupId: 1,
  currencyCode: 'IDR',
  today: TODAY,
  windowDays: 30,
  conversationId: 'conv-1',
  language: 'id',
  apiTimeoutMs: 2000,
};

function driver(fakes: FakeActors<Actor>, input: Partial<DowngradeInput> = {}) {
  return new FlowDriver<DowngradeReply>(fakes.provide(downgradeMachine), { ...INPUT, ...input });
}

describe('downgradeMachine', () => {
  for (const [days, expected] of [
    [31, 'tooEarly'],
    [30, 'choosingPackage'],
    [16, 'choosingPackage'],
    [15, 'choosingPackage'],
    [14, 'choosingPackage'],
    [1, 'choosingPackage'],
    [0, 'choosingPackage'],
    [-3, 'choosingPackage'],
  ] as const) {
    it(`when the service is due in ${days} days, then it rests in ${expected}`, async () => {
      const fakes = effects(
        oxService({ pid: 2, name: 'OX Mail Business', nextDueDate: addDays(days) }),
      );
      const snapshot = await driver(fakes).start();
      expect(snapshot.value).to.equal(expected);
    });
  }

  for (const [days, late, overdue] of [
    [16, false, false],
    [15, false, false],
    [14, true, false],
    [0, true, false],
    [-1, false, true],
  ] as const) {
    it(`when a request due in ${days} days is filed, then late=${late} and overdue=${overdue}`, async () => {
      const fakes = effects(
        oxService({ pid: 2, name: 'OX Mail Business', nextDueDate: addDays(days) }),
      );
      const flow = driver(fakes);
      await flow.start();
      await flow.send({ type: 'user.chose', value: '1' });
      await flow.send({ type: 'user.chose', value: 'keep' });
      await flow.send({ type: 'user.chose', value: 'skip' });
      await flow.send({ type: 'user.confirmed' });
      expect(flow.replies[0]?.reply).to.deep.include({ key: 'downgrade.filed', late, overdue });
    });
  }

  it('when the window arithmetic is asked about, then it counts Jakarta calendar days', () => {
    expect(renewalWindow('2026-11-26', '2026-12-26', 30)).to.deep.equal({
      dueDate: '2026-12-26',
      daysLeft: 30,
      opensOn: '2026-11-26',
    });
  });

  it('when it is too early, then it says when the window opens and stores a reminder on request', async () => {
    const fakes = effects(oxService({ nextDueDate: addDays(90) }));
    const flow = driver(fakes);
    await flow.start();
    expect(flow.replies[0]?.reply).to.deep.equal({
      key: 'downgrade.tooEarly',
      domain: 'contoh.co.id',
      dueDate: addDays(90),
      opensOn: addDays(60),
      daysLeft: 90,
    });
    const snapshot = await flow.send({ type: 'user.chose', value: 'remind' });
    expect(snapshot.output?.outcome).to.equal('done');
    expect(fakes.callsOf('scheduleReminder')).to.deep.equal([
      {
        clientId: 1001,
        serviceId: 501,
        domain: 'contoh.co.id',
        opensOn: addDays(60),
        dueDate: addDays(90),
        conversationId: 'conv-1',
      },
    ]);
    expect(flow.replyKeys()).to.deep.equal(['downgrade.reminderSet']);
  });

  it('when a ticket is already open for this due date, then it is shown and nothing is filed', async () => {
    const fakes = effects().queue('inspectDowngrade', {
      output: { existingTicket: TICKET, unpaidRenewal: null },
    });
    const flow = driver(fakes);
    await flow.start();
    expect(flow.replies[0]?.reply).to.deep.equal({
      key: 'downgrade.alreadyFiled',
      domain: 'contoh.co.id',
      ticket: TICKET,
    });
    expect(fakes.callsOf('fileDowngradeTicket')).to.have.length(0);
  });

  it('when the service is on the lowest package with the minimum accounts, then there is nothing to downgrade', async () => {
    const lowest = oxService({
      nextDueDate: addDays(20),
      configOptions: [{ id: 77, option: 'Jumlah Akun Email', type: 'quantity', value: '1' }],
    });
    const flow = driver(effects(lowest));
    const snapshot = await flow.start();
    expect(snapshot.output?.outcome).to.equal('nothingToDo');
    expect(flow.replyKeys()).to.deep.equal(['downgrade.nothingLower']);
  });

  it('when a package and fewer accounts are chosen with a reason, then the ticket carries all of it', async () => {
    const fakes = effects();
    const flow = driver(fakes);
    await flow.start();
    expect(flow.replies[0]?.choices.map((c) => c.value)).to.deep.equal(['1', 'keep', 'cmd:cancel']);
    await flow.send({ type: 'user.chose', value: '1' });
    expect(flow.snapshot.value).to.equal('enteringAccounts');
    await flow.send({ type: 'user.entered', value: 0 });
    expect(flow.replyKeys()).to.deep.equal([
      'downgrade.invalidAccounts',
      'downgrade.enterAccounts',
    ]);
    await flow.send({ type: 'user.entered', value: 3 });
    await flow.send({ type: 'user.said', text: '  tim kami mengecil  ' });
    expect(flow.replies[0]?.reply).to.deep.include({
      key: 'downgrade.confirm',
      toPackage: 'OX Mail Starter',
      toAccounts: 3,
      reason: 'tim kami mengecil',
    });
    await flow.send({ type: 'user.confirmed' });
    expect(fakes.callsOf('fileDowngradeTicket')).to.deep.equal([
      {
        clientId: 1001,
        serviceId: 501,
        domain: 'contoh.co.id',
        dueDate: addDays(20),
        daysLeft: 20,
        fromPackage: 'OX Mail Business',
        toPackage: 'OX Mail Starter',
        fromAccounts: 5,
        toAccounts: 3,
        reason: 'tim kami mengecil',
        conversationId: 'conv-1',
        language: 'id',
      },
    ]);
  });

  it('when the package and the accounts are both kept, then nothing is filed', async () => {
    const flow = driver(effects());
    await flow.start();
    await flow.send({ type: 'user.chose', value: 'keep' });
    const snapshot = await flow.send({ type: 'user.chose', value: 'keep' });
    expect(snapshot.output?.outcome).to.equal('nothingToDo');
  });

  it('when a renewal invoice is unpaid, then the request is filed and the customer is told to settle it first', async () => {
    const fakes = effects().queue('inspectDowngrade', {
      output: { existingTicket: null, unpaidRenewal: PENDING_INVOICE },
    });
    const flow = driver(fakes);
    await flow.start();
    await flow.send({ type: 'user.chose', value: '1' });
    await flow.send({ type: 'user.chose', value: 'keep' });
    await flow.send({ type: 'user.chose', value: 'skip' });
    await flow.send({ type: 'user.confirmed' });
    expect(flow.replies[0]?.reply).to.deep.include({
      key: 'downgrade.filed',
      unpaidRenewal: PENDING_INVOICE,
    });
    expect(flow.replies[0]?.choices.map((c) => c.value)).to.deep.equal(['cmd:human']);
  });

  it('when filing times out, then retry files through the same once-only effect', async () => {
    const fakes = effects().queue('fileDowngradeTicket', {
      error: new AppError('CLIENTZONE_TIMEOUT', 't'),
    });
    const flow = driver(fakes);
    await flow.start();
    await flow.send({ type: 'user.chose', value: '1' });
    await flow.send({ type: 'user.chose', value: 'keep' });
    await flow.send({ type: 'user.chose', value: 'skip' });
    await flow.send({ type: 'user.confirmed' });
    expect(flow.replies[0]?.reply).to.deep.equal({
      key: 'downgrade.failed',
      errorCode: 'CLIENTZONE_TIMEOUT',
      step: 'filing',
    });
    const snapshot = await flow.send({ type: 'user.chose', value: 'retry' });
    expect(snapshot.output?.outcome).to.equal('done');
    expect(fakes.callsOf('fileDowngradeTicket')).to.have.length(2);
  });

  it('when a reminder button names a service, then that service is preselected', async () => {
    const fakes = effects().queue('loadAccount', {
      output: {
        services: [
          oxService({ nextDueDate: addDays(20) }),
          oxService({
            id: 502,
            domain: 'b.id',
            nextDueDate: addDays(25),
            pid: 2,
            name: 'OX Mail Business',
          }),
        ],
        catalogue: CATALOGUE,
      },
    });
    const snapshot = await driver(fakes, { serviceId: 502 }).start();
    expect(snapshot.context.serviceId).to.equal(502);
  });

  it('when the service is suspended, then no downgrade is offered', async () => {
    const flow = driver(effects(oxService({ status: 'Suspended', nextDueDate: addDays(20) })));
    const snapshot = await flow.start();
    expect(snapshot.output?.outcome).to.equal('ineligible');
  });
});
