import { expect } from 'chai';
import type { EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { AppError } from '../../clientzone/appError.js';
import { downgradeMachine, type DowngradeEvent } from '../../machines/downgradeMachine.js';
import type {
  DowngradeContext,
  DowngradeInput,
  DowngradeReply,
} from '../../machines/downgradeTypes.js';
import { FakeActors, FlowDriver, type Outcome } from './flowDriver.js';
import { CATALOGUE, PENDING_INVOICE, oxService } from './upgradeFixtures.js';

type Actor = 'loadAccount' | 'inspectDowngrade' | 'scheduleReminder' | 'fileDowngradeTicket';
type AnyEvent = EventObject & Record<string, unknown>;

const INPUT: DowngradeInput = {
  clientId: 1001,
  productGroupId: 1,
  currencyCode: 'IDR',
  today: '2026-11-26',
  windowDays: 30,
  conversationId: 'c',
  language: 'id',
  apiTimeoutMs: 2000,
};
const TICKET = { id: 1, tid: 'T-1', status: 'Open' };
const done = (actor: Actor, output: unknown) => ({ type: `xstate.done.actor.${actor}`, output });
const failed = (actor: Actor) => ({
  type: `xstate.error.actor.${actor}`,
  error: new AppError('CLIENTZONE_UNAVAILABLE', 'down'),
});
const services = (...list: ReturnType<typeof oxService>[]) =>
  done('loadAccount', { services: list, catalogue: CATALOGUE });
const COMMANDS = [{ type: 'user.cancel' }, { type: 'user.help' }, { type: 'user.human' }];

const EVENTS_BY_STATE: Record<string, AnyEvent[]> = {
  loadingAccount: [
    services(oxService({ pid: 2, name: 'OX Mail Business', nextDueDate: '2026-12-16' })),
    services(oxService({ nextDueDate: '2027-02-24' })),
    services(
      oxService({ nextDueDate: '2026-12-16' }),
      oxService({ id: 502, domain: 'b.id', nextDueDate: '2026-12-10' }),
    ),
    services(oxService({ status: 'Suspended' })),
    services(
      oxService({
        nextDueDate: '2026-12-16',
        configOptions: [{ id: 77, option: 'Jumlah Akun Email', type: 'quantity', value: '1' }],
      }),
    ),
    services(oxService({ nextDueDate: null })),
    services(),
    failed('loadAccount'),
  ],
  choosingService: [
    { type: 'user.chose', value: '501' },
    { type: 'user.chose', value: '9' },
    ...COMMANDS,
  ],
  inspectingService: [
    done('inspectDowngrade', { existingTicket: null, unpaidRenewal: null }),
    done('inspectDowngrade', { existingTicket: TICKET, unpaidRenewal: null }),
    done('inspectDowngrade', { existingTicket: null, unpaidRenewal: PENDING_INVOICE }),
    failed('inspectDowngrade'),
  ],
  tooEarly: [
    { type: 'user.chose', value: 'remind' },
    { type: 'user.chose', value: 'no' },
    ...COMMANDS,
  ],
  schedulingReminder: [done('scheduleReminder', undefined), failed('scheduleReminder')],
  choosingPackage: [
    { type: 'user.chose', value: '1' },
    { type: 'user.chose', value: 'keep' },
    ...COMMANDS,
  ],
  enteringAccounts: [
    { type: 'user.entered', value: 2 },
    { type: 'user.entered', value: 99 },
    { type: 'user.chose', value: 'keep' },
    ...COMMANDS,
  ],
  enteringReason: [
    { type: 'user.said', text: 'hemat' },
    { type: 'user.chose', value: 'skip' },
    ...COMMANDS,
  ],
  confirming: [{ type: 'user.confirmed' }, { type: 'user.declined' }, ...COMMANDS],
  filingTicket: [done('fileDowngradeTicket', TICKET), failed('fileDowngradeTicket')],
  failed: [{ type: 'user.chose', value: 'retry' }, ...COMMANDS],
};

function serialize(snapshot: { value: unknown; context: DowngradeContext }): string {
  const c = snapshot.context;
  const first = c.services[0];
  return JSON.stringify([
    snapshot.value,
    c.services.length,
    c.serviceId,
    first?.status,
    first?.pid,
    first?.nextDueDate,
    c.failedStep,
    c.draft,
    c.inspection,
  ]);
}

const paths = getShortestPaths(downgradeMachine, {
  input: INPUT,
  events: (snapshot) => (EVENTS_BY_STATE[String(snapshot.value)] ?? []) as DowngradeEvent[],
  serializeState: (snapshot) =>
    serialize(snapshot as unknown as { value: unknown; context: DowngradeContext }),
});

function fakesFor(events: EventObject[]): FakeActors<Actor> {
  const fakes = new FakeActors<Actor>({
    loadAccount: { output: { services: [], catalogue: CATALOGUE } },
    inspectDowngrade: { output: { existingTicket: null, unpaidRenewal: null } },
    scheduleReminder: { output: undefined },
    fileDowngradeTicket: { output: TICKET },
  });
  for (const event of events as AnyEvent[]) {
    const match = /^xstate\.(done|error)\.actor\.(\w+)$/.exec(event.type);
    if (!match) continue;
    const outcome: Outcome =
      match[1] === 'done' ? { output: event.output } : { error: event.error };
    fakes.queue(match[2] as Actor, outcome);
  }
  return fakes;
}

describe('downgradeMachine paths (xstate/graph)', () => {
  it('when the model is explored, then every state of the machine is reached', () => {
    const transient = [
      'routingServices',
      'checkingService',
      'routingWindow',
      'afterPackage',
      'checkingDraft',
    ];
    const reached = new Set(paths.map((p) => String(p.state.value)));
    const missing = Object.keys(downgradeMachine.root.states).filter(
      (s) => !transient.includes(s) && !reached.has(s),
    );
    expect(missing).to.deep.equal([]);
  });

  for (const path of paths.filter((p) => !p.state.hasTag('busy'))) {
    const events = path.steps.map((s) => s.event as EventObject);
    const name = events
      .slice(1)
      .map((e) =>
        e.type.replace('xstate.done.actor.', 'ok:').replace('xstate.error.actor.', 'err:'),
      )
      .join(' → ');
    it(`when ${name || 'started'}, then it rests in ${String(path.state.value)} with the customer told what to do`, async () => {
      const fakes = fakesFor(events);
      const flow = new FlowDriver<DowngradeReply>(fakes.provide(downgradeMachine), INPUT);
      await flow.start();
      for (const event of events.slice(1)) {
        if (!event.type.startsWith('xstate.')) await flow.send(event as DowngradeEvent);
      }
      expect(flow.snapshot.value).to.deep.equal(path.state.value);
      if (flow.snapshot.status === 'active')
        expect(flow.snapshot.context.prompt).to.not.equal(null);
      const filed = fakes.callsOf('fileDowngradeTicket').length;
      if (filed > 0)
        expect(
          events.some((e) => e.type === 'user.confirmed'),
          'files only after a yes',
        ).to.equal(true);
      flow.stop();
    });
  }
});
