import { expect } from 'chai';
import { AppError } from '../../clientzone/appError.js';
import { UPGRADE_MACHINE_VERSION } from '../../machines/upgradeMachine.js';
import {
  CATALOGUE,
  HOSTING_SERVICE,
  PENDING_INVOICE,
  oxService,
  quote,
} from './upgradeFixtures.js';
import { FakeEffects, UpgradeDriver } from './upgradeHarness.js';

const TWO_SERVICES = {
  output: {
    services: [
      oxService(),
      oxService({ id: 502, domain: 'kantor.id', pid: 2, name: 'OX Mail Business' }),
      HOSTING_SERVICE,
    ],
    catalogue: CATALOGUE,
  },
};

describe('upgradeMachine', () => {
  it('when the customer has one OX Mail service and wants a package, then only the dearer packages of its cycle are offered', async () => {
    const driver = new UpgradeDriver(new FakeEffects(), { kind: 'package' });
    const snapshot = await driver.start();
    expect(snapshot.value).to.equal('choosingPackage');
    const choices = driver.replies[0]?.choices.map((c) => c.value);
    expect(choices).to.deep.equal(['2', '3', 'cmd:cancel']);
    expect(driver.replies[0]?.choices[0]?.label).to.deep.equal({
      key: 'label.package',
      name: 'OX Mail Business',
      price: 500000,
      cycle: 'annually',
      currencyCode: 'IDR',
    });
  });

  it('when the customer has several OX Mail services, then it asks which one and never offers hosting', async () => {
    const effects = new FakeEffects().queue('loadAccount', TWO_SERVICES);
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    await driver.start();
    expect(driver.snapshot.value).to.equal('choosingService');
    expect(driver.replies[0]?.choices.map((c) => c.value)).to.deep.equal([
      '501',
      '502',
      'cmd:cancel',
    ]);
  });

  it('when the customer names a service that is not theirs, then nothing is chosen and the question is repeated', async () => {
    const effects = new FakeEffects().queue('loadAccount', TWO_SERVICES);
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    await driver.start();
    await driver.send({ type: 'user.chose', value: '900' });
    expect(driver.snapshot.value).to.equal('choosingService');
    expect(driver.snapshot.context.serviceId).to.equal(null);
    expect(driver.replyKeys()).to.deep.equal(['upgrade.notUnderstood', 'upgrade.chooseService']);
  });

  it('when a package is chosen and confirmed, then it quotes, re-checks, places once and reports the invoice', async () => {
    const effects = new FakeEffects();
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    await driver.start();
    await driver.send({ type: 'user.chose', value: '2' });
    expect(driver.snapshot.value).to.equal('confirming');
    expect(driver.replies[0]?.reply).to.deep.include({
      key: 'upgrade.confirmPackage',
      to: 'OX Mail Business',
      price: 125000,
    });
    const done = await driver.send({ type: 'user.confirmed' });
    expect(done.status).to.equal('done');
    expect(done.output).to.deep.include({ outcome: 'done', serviceId: 501 });
    expect(done.output?.stage).to.deep.include({ flow: 'upgrade', state: 'done' });
    expect(effects.callsOf('quoteUpgrade')).to.have.length(2);
    expect(effects.callsOf('placeUpgrade')).to.deep.equal([
      {
        clientId: 1001,
        domain: 'contoh.co.id',
        request: {
          type: 'product',
          serviceId: 501,
          paymentMethod: 'banktransfer',
          newProductId: 2,
          newBillingCycle: 'annually',
        },
      },
    ]);
    expect(driver.replies[0]?.reply.key).to.equal('upgrade.placed');
  });

  it('when the opening sentence said how many accounts to add, then it quotes current plus added at once', async () => {
    const effects = new FakeEffects();
    const driver = new UpgradeDriver(effects, { kind: 'accounts', requestedAccounts: 5 });
    const snapshot = await driver.start();
    expect(snapshot.value).to.equal('confirming');
    expect(effects.callsOf('quoteUpgrade')[0]).to.deep.equal({
      type: 'configoptions',
      serviceId: 501,
      paymentMethod: 'banktransfer',
      configOptions: { 77: 10 },
    });
    expect(driver.replies[0]?.reply).to.deep.include({
      key: 'upgrade.confirmAccounts',
      current: 5,
      add: 5,
      total: 10,
    });
  });

  for (const [value, reason] of [
    [0, 'tooSmall'],
    [-3, 'tooSmall'],
    [2.5, 'notWhole'],
    [46, 'tooLarge'],
    [1e21, 'tooLarge'],
  ] as const) {
    it(`when ${value} accounts are to be added, then it refuses (${reason}) and asks again`, async () => {
      const effects = new FakeEffects();
      const driver = new UpgradeDriver(effects, { kind: 'accounts' });
      await driver.start();
      await driver.send({ type: 'user.entered', value });
      expect(driver.snapshot.value).to.equal('enteringAccounts');
      expect(driver.replies[0]?.reply).to.deep.equal({
        key: 'upgrade.invalidAccounts',
        reason,
        maxAdd: 45,
      });
      expect(effects.callsOf('quoteUpgrade')).to.have.length(0);
    });
  }

  it('when the quote says an upgrade is in progress, then it shows the unpaid invoice and places nothing', async () => {
    const effects = new FakeEffects()
      .queue('quoteUpgrade', { output: quote({ upgradeInProgress: true }) })
      .queue('findPendingInvoice', { output: null }, { output: PENDING_INVOICE });
    const driver = new UpgradeDriver(effects, { kind: 'accounts', requestedAccounts: 2 });
    const snapshot = await driver.start();
    expect(snapshot.status).to.equal('done');
    expect(snapshot.output?.outcome).to.equal('blocked');
    expect(driver.replies.map((r) => r.reply)).to.deep.equal([
      {
        key: 'upgrade.blocked',
        domain: 'contoh.co.id',
        invoice: PENDING_INVOICE,
        currencyCode: 'IDR',
      },
    ]);
    expect(effects.callsOf('placeUpgrade')).to.have.length(0);
  });

  it('when the service already has an unpaid upgrade invoice, then it is blocked before any package is offered', async () => {
    const effects = new FakeEffects().queue('findPendingInvoice', { output: PENDING_INVOICE });
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    const snapshot = await driver.start();
    expect(snapshot.output?.outcome).to.equal('blocked');
    expect(driver.replyKeys()).to.deep.equal(['upgrade.blocked']);
    expect(effects.callsOf('quoteUpgrade')).to.have.length(0);
  });

  it('when the pending-invoice look-up fails, then the flow goes on and the quote still guards', async () => {
    const effects = new FakeEffects().queue('findPendingInvoice', {
      error: new AppError('CLIENTZONE_UNAVAILABLE', 'down'),
    });
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    expect((await driver.start()).value).to.equal('choosingPackage');
  });

  it('when an upgrade appeared between quote and confirm, then the re-check adopts it instead of placing', async () => {
    const effects = new FakeEffects()
      .queue('quoteUpgrade', { output: quote() }, { output: quote({ upgradeInProgress: true }) })
      .queue('findPendingInvoice', { output: null }, { output: PENDING_INVOICE });
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    await driver.start();
    await driver.send({ type: 'user.chose', value: '2' });
    const done = await driver.send({ type: 'user.confirmed' });
    expect(done.status).to.equal('done');
    expect(driver.replies[0]?.reply).to.deep.equal({
      key: 'upgrade.adopted',
      domain: 'contoh.co.id',
      invoice: PENDING_INVOICE,
      currencyCode: 'IDR',
    });
    expect(effects.callsOf('placeUpgrade')).to.have.length(0);
  });

  it('when placing answers that an upgrade is still unpaid, then the existing invoice is adopted', async () => {
    const pending = new AppError('CLIENTZONE_UPGRADE_PENDING', 'unpaid');
    const effects = new FakeEffects()
      .queue('placeUpgrade', { error: pending })
      .queue('findPendingInvoice', { output: null }, { output: PENDING_INVOICE });
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    await driver.start();
    await driver.send({ type: 'user.chose', value: '3' });
    await driver.send({ type: 'user.confirmed' });
    expect(driver.replies[0]?.reply.key).to.equal('upgrade.adopted');
  });

  it('when the placing response is lost, then retry re-checks first and reports the invoice that exists', async () => {
    const effects = new FakeEffects()
      .queue(
        'quoteUpgrade',
        { output: quote() },
        { output: quote() },
        { output: quote({ upgradeInProgress: true }) },
      )
      .queue('placeUpgrade', { error: new AppError('CLIENTZONE_TIMEOUT', 'timeout') })
      .queue('findPendingInvoice', { output: null }, { output: PENDING_INVOICE });
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    await driver.start();
    await driver.send({ type: 'user.chose', value: '2' });
    await driver.send({ type: 'user.confirmed' });
    expect(driver.snapshot.value).to.equal('failed');
    expect(driver.replies[0]?.reply).to.deep.equal({
      key: 'upgrade.failed',
      errorCode: 'CLIENTZONE_TIMEOUT',
      step: 'placing',
    });
    await driver.send({ type: 'user.chose', value: 'retry' });
    expect(driver.snapshot.status).to.equal('done');
    expect(driver.replies[0]?.reply.key).to.equal('upgrade.adopted');
    expect(effects.callsOf('placeUpgrade')).to.have.length(1);
  });

  it('when Clientzone never answers, then the step times out into failed instead of waiting forever', async () => {
    const effects = new FakeEffects().queue('loadAccount', 'hang');
    const driver = new UpgradeDriver(effects, { apiTimeoutMs: 30 });
    const snapshot = await driver.start();
    expect(snapshot.value).to.equal('failed');
    expect(snapshot.context.errorCode).to.equal('CLIENTZONE_TIMEOUT');
  });

  it('when the service is suspended, then nothing is changed and a person is offered', async () => {
    const effects = new FakeEffects().queue('loadAccount', {
      output: { services: [oxService({ status: 'Suspended' })], catalogue: CATALOGUE },
    });
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    const snapshot = await driver.start();
    expect(snapshot.output?.outcome).to.equal('ineligible');
    expect(driver.replies[0]?.choices.map((c) => c.value)).to.deep.equal(['cmd:human']);
    expect(effects.callsOf('quoteUpgrade')).to.have.length(0);
  });

  it('when the service already has the top package, then there is nothing to upgrade', async () => {
    const effects = new FakeEffects().queue('loadAccount', {
      output: {
        services: [oxService({ pid: 3, name: 'OX Mail Enterprise' })],
        catalogue: CATALOGUE,
      },
    });
    const driver = new UpgradeDriver(effects, { kind: 'package' });
    await driver.start();
    expect(driver.replies[0]?.reply.key).to.equal('upgrade.noHigherPackage');
  });

  it('when the customer has no OX Mail service, then it says so', async () => {
    const effects = new FakeEffects().queue('loadAccount', {
      output: { services: [HOSTING_SERVICE], catalogue: CATALOGUE },
    });
    const driver = new UpgradeDriver(effects);
    const snapshot = await driver.start();
    expect(snapshot.output?.outcome).to.equal('nothingToDo');
    expect(driver.replyKeys()).to.deep.equal(['upgrade.noServices']);
  });

  it('when a person takes over while confirming, then the flow waits there and asks again on hand-back', async () => {
    const driver = new UpgradeDriver(new FakeEffects(), { kind: 'package' });
    await driver.start();
    await driver.send({ type: 'user.chose', value: '2' });
    const paused = await driver.send({ type: 'user.human' });
    expect(paused.value).to.equal('confirming');
    expect(driver.replies).to.deep.equal([]);
    await driver.send({ type: 'staff.handback' });
    expect(driver.replyKeys()).to.deep.equal(['upgrade.confirmPackage']);
  });

  it('when the customer asks for help, then it explains and repeats the question', async () => {
    const driver = new UpgradeDriver(new FakeEffects());
    await driver.start();
    await driver.send({ type: 'user.help' });
    expect(driver.replyKeys()).to.deep.equal(['upgrade.help', 'upgrade.chooseKind']);
    expect(driver.snapshot.value).to.equal('choosingKind');
  });

  it('when two answers in a row are not understood, then a person is offered', async () => {
    const driver = new UpgradeDriver(new FakeEffects());
    await driver.start();
    await driver.send({ type: 'user.unrecognized', text: 'hmm' });
    expect(driver.replies[0]?.reply).to.deep.equal({
      key: 'upgrade.notUnderstood',
      offerHuman: false,
    });
    await driver.send({ type: 'user.unrecognized', text: 'apa' });
    expect(driver.replies[0]?.reply).to.deep.equal({
      key: 'upgrade.notUnderstood',
      offerHuman: true,
    });
    expect(driver.replies[0]?.choices.map((c) => c.value)).to.deep.equal(['cmd:human']);
  });

  it('when the snapshot is persisted as JSON while confirming, then a restored actor places the upgrade', async () => {
    const effects = new FakeEffects();
    const first = new UpgradeDriver(effects, { kind: 'package' });
    await first.start();
    await first.send({ type: 'user.chose', value: '2' });
    const persisted = first.persisted();
    first.stop();
    expect(JSON.stringify(persisted).length).to.be.below(4096);
    const second = new UpgradeDriver(effects, {}, persisted);
    await second.start();
    const done = await second.send({ type: 'user.confirmed' });
    expect(done.status).to.equal('done');
    expect(effects.callsOf('placeUpgrade')).to.have.length(1);
  });

  it('when the machine version is read, then it is a positive integer', () => {
    expect(UPGRADE_MACHINE_VERSION).to.be.a('number').and.above(0);
  });
});
