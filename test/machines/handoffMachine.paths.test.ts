import { expect } from 'chai';
import { createActor, type EventObject } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { handoffMachine } from '../../machines/handoffMachine.js';
import type { HandoffEvent } from '../../machines/handoffTypes.js';

const AT = '2026-11-26T03:00:00.000Z';
/** Every event the ownership machine can meet, including ones that must be ignored. */
const EVENTS: HandoffEvent[] = [
  { type: 'customer.requested', reason: 'asked', at: AT, staffAvailable: true },
  { type: 'customer.requested', reason: 'asked', at: AT, staffAvailable: false },
  { type: 'customer.cancelled' },
  { type: 'customer.spoke' },
  { type: 'customer.wantsToLeaveMessage' },
  { type: 'customer.declinedMessage' },
  { type: 'message.filed', ticket: 'T-1' },
  { type: 'message.failed' },
  { type: 'queue.timedOut' },
  { type: 'staff.accepted', staff: 'ani', at: AT },
  { type: 'staff.tookOver', staff: 'ani', at: AT },
  { type: 'staff.transferred', to: 'budi' },
  { type: 'staff.handedBack', flow: 'upgrade-package' },
  { type: 'staff.closed' },
];

const paths = getSimplePaths(handoffMachine, {
  events: EVENTS,
  serializeState: (snapshot) =>
    JSON.stringify([snapshot.value, (snapshot.context as { owner: string | null }).owner]),
});

function describe_(events: EventObject[]): string {
  return (
    events
      .slice(1)
      .map((e) => e.type)
      .join(' → ') || 'started'
  );
}

describe('handoffMachine paths (xstate/graph)', () => {
  it('when every simple path is explored, then every state is reached', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).to.deep.equal(Object.keys(handoffMachine.root.states).sort());
  });

  for (const path of paths) {
    const events = path.steps.map((s) => s.event as EventObject);
    it(`when ${describe_(events)}, then ownership is consistent in ${String(path.state.value)}`, () => {
      const actor = createActor(handoffMachine).start();
      let version = actor.getSnapshot().context.version;
      for (const event of events.slice(1) as HandoffEvent[]) {
        const before = actor.getSnapshot();
        actor.send(event);
        const after = actor.getSnapshot();
        if (after.value !== before.value || after.context.owner !== before.context.owner) {
          expect(
            after.context.version,
            'every change of who answers bumps the version',
          ).to.be.above(version);
        }
        version = after.context.version;
      }
      const final = actor.getSnapshot();
      expect(final.value).to.deep.equal(path.state.value);
      expect(final.context.owner !== null, 'an owner exactly when a person has the chat').to.equal(
        final.value === 'withStaff',
      );
      actor.stop();
    });
  }
});
