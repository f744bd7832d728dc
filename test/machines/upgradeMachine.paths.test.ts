import { expect } from 'chai';
import type { EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { AppError } from '../../clientzone/appError.js';
import { upgradeMachine, type UpgradeEvent } from '../../machines/upgradeMachine.js';
import type { UpgradeResult } from '../../machines/upgradeTypes.js';
import {
  CATALOGUE,
  HOSTING_SERVICE,
  INPUT,
  PENDING_INVOICE,
  oxService,
  quote,
} from './upgradeFixtures.js';
import {
  FakeEffects,
  UpgradeDriver,
  type ActorName,
  type UpgradeSnapshot,
} from './upgradeHarness.js';

const done = (actor: ActorName, output: unknown) => ({
  type: `xstate.done.actor.${actor}`,
  output,
});
const failed = (actor: ActorName, code: string) => ({
  type: `xstate.error.actor.${actor}`,
  error: new AppError(code as never, code),
});
const accounts = (services: unknown[]) => done('loadAccount', { services, catalogue: CATALOGUE });
const RESULT: UpgradeResult = { invoice: PENDING_INVOICE, orderNumber: '1', adopted: false };
const COMMANDS = [{ type: 'user.cancel' }, { type: 'user.help' }, { type: 'user.human' }];

/** The events the model explores in each state: Clientzone answers, and what a customer can say. */
type AnyEvent = EventObject & Record<string, unknown>;

const EVENTS_BY_STATE: Record<string, AnyEvent[]> = {
  loadingAccount: [
    accounts([oxService()]),
    accounts([oxService(), oxService({ id: 502, domain: 'kantor.id' }), HOSTING_SERVICE]),
    accounts([HOSTING_SERVICE]),
    accounts([oxService({ status: 'Suspended' })]),
    accounts([oxService({ pid: 3, name: 'OX Mail Enterprise' })]),
    failed('loadAccount', 'CLIENTZONE_UNAVAILABLE'),
  ],
  choosingService: [
    { type: 'user.chose', value: '501' },
    { type: 'user.chose', value: '900' },
    { type: 'user.unrecognized', text: '?!' },
    ...COMMANDS,
  ],
  checkingPendingUpgrade: [
    done('findPendingInvoice', null),
    done('findPendingInvoice', PENDING_INVOICE),
    failed('findPendingInvoice', 'CLIENTZONE_TIMEOUT'),
  ],
  choosingKind: [
    { type: 'user.chose', value: 'package' },
    { type: 'user.chose', value: 'accounts' },
    ...COMMANDS,
  ],
  choosingPackage: [
    { type: 'user.chose', value: '2' },
    { type: 'user.chose', value: '1' },
    ...COMMANDS,
  ],
  enteringAccounts: [
    { type: 'user.entered', value: 5 },
    { type: 'user.entered', value: 0 },
    ...COMMANDS,
  ],
  quoting: [
    done('quoteUpgrade', quote()),
    done('quoteUpgrade', quote({ upgradeInProgress: true })),
    failed('quoteUpgrade', 'CLIENTZONE_TIMEOUT'),
  ],
  findingPendingInvoice: [
    done('findPendingInvoice', PENDING_INVOICE),
    failed('findPendingInvoice', 'CLIENTZONE_UNAVAILABLE'),
  ],
  confirming: [{ type: 'user.confirmed' }, { type: 'user.declined' }, ...COMMANDS],
  recheckingBeforePlacing: [
    done('quoteUpgrade', quote()),
    done('quoteUpgrade', quote({ upgradeInProgress: true })),
    failed('quoteUpgrade', 'CLIENTZONE_UNAVAILABLE'),
  ],
  placingUpgrade: [
    done('placeUpgrade', RESULT),
    failed('placeUpgrade', 'CLIENTZONE_UPGRADE_PENDING'),
    failed('placeUpgrade', 'CLIENTZONE_TIMEOUT'),
  ],
  adoptingPendingInvoice: [
    done('findPendingInvoice', PENDING_INVOICE),
    failed('findPendingInvoice', 'CLIENTZONE_TIMEOUT'),
  ],
  failed: [{ type: 'user.chose', value: 'retry' }, ...COMMANDS],
};

/** The parts of context that change what happens next; the rest would make the state space endless. */
function serialize(snapshot: UpgradeSnapshot): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    c.kind,
    c.services.length,
    c.serviceId,
    c.services[0]?.status,
    c.services[0]?.pid,
    c.failedStep,
    c.draft?.type,
  ]);
}

const paths = getShortestPaths(upgradeMachine, {
  input: INPUT,
  events: (snapshot) => (EVENTS_BY_STATE[String(snapshot.value)] ?? []) as UpgradeEvent[],
  serializeState: (snapshot) => serialize(snapshot as UpgradeSnapshot),
});

function describePath(events: EventObject[]): string {
  return events
    .slice(1)
    .map((e) => {
      const extra = (e as { value?: unknown }).value;
      return (
        e.type.replace('xstate.done.actor.', 'ok:').replace('xstate.error.actor.', 'err:') +
        (extra === undefined ? '' : `(${String(extra)})`)
      );
    })
    .join(' → ');
}

/** Replays a path on a real actor whose fake effects answer exactly as the path's Clientzone events say. */
async function replay(
  events: EventObject[],
): Promise<{ driver: UpgradeDriver; effects: FakeEffects }> {
  const effects = new FakeEffects();
  for (const event of events) {
    const match = /^xstate\.(done|error)\.actor\.(\w+)$/.exec(event.type);
    if (!match) continue;
    const outcome =
      match[1] === 'done'
        ? { output: (event as AnyEvent).output }
        : { error: (event as AnyEvent).error };
    effects.queue(match[2] as ActorName, outcome);
  }
  const driver = new UpgradeDriver(effects);
  await driver.start();
  for (const event of events.slice(1)) {
    if (!event.type.startsWith('xstate.')) await driver.send(event as UpgradeEvent);
  }
  return { driver, effects };
}

describe('upgradeMachine paths (xstate/graph)', () => {
  it('when the model is explored, then every state of the machine is reached', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    const all = Object.keys(upgradeMachine.root.states).filter(
      (s) =>
        ![
          'routingServices',
          'checkingService',
          'routingKind',
          'checkingPackages',
          'checkingAccounts',
        ].includes(s),
    );
    expect([...all].filter((s) => !reached.has(s))).to.deep.equal([]);
  });

  for (const path of paths.filter((p) => !p.state.hasTag('busy'))) {
    const events = path.steps.map((s) => s.event as EventObject);
    it(`when ${describePath(events) || 'started'}, then it rests in ${String(path.state.value)} with the customer told what to do`, async () => {
      const { driver, effects } = await replay(events);
      const snapshot = driver.snapshot;
      expect(snapshot.value).to.deep.equal(path.state.value);
      if (snapshot.status === 'active') {
        expect(snapshot.hasTag('busy'), 'never rests while busy').to.equal(false);
        expect(snapshot.context.prompt, 'a waiting state has a question').to.not.equal(null);
      }
      const places = effects.callsOf('placeUpgrade').length;
      expect(places).to.be.at.most(1);
      if (places > 0)
        expect(
          events.some((e) => e.type === 'user.confirmed'),
          'places only after a yes',
        ).to.equal(true);
      driver.stop();
    });
  }
});
