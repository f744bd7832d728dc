import { assign, setup } from 'xstate';
import type { HandbackFlow, HandoffContext, HandoffEvent, HandoffReason } from './handoffTypes.js';

/** Bump when states or context change shape. */
export const HANDOFF_MACHINE_VERSION = 1;

/**
 * Ownership of one conversation. Effects (messages, tickets, events to staff) are done by the
 * caller after each transition; the machine only decides who answers and bumps the version.
 */
export const handoffMachine = setup({
  types: {} as { context: HandoffContext; events: HandoffEvent },
  guards: {
    staffAvailable: ({ event }) => event.type === 'customer.requested' && event.staffAvailable,
  },
  actions: {
    bumpVersion: assign(({ context }) => ({ version: context.version + 1 })),
    rememberRequest: assign(({ event }) =>
      event.type === 'customer.requested'
        ? { reason: event.reason as HandoffReason, queuedAt: event.at, handback: null }
        : {},
    ),
    takeOwnership: assign(({ event }) =>
      event.type === 'staff.accepted' || event.type === 'staff.tookOver'
        ? { owner: event.staff, acceptedAt: event.at }
        : {},
    ),
    takeOver: assign(() => ({ reason: 'staff_takeover' as const, queuedAt: null })),
    transferOwnership: assign(({ event }) =>
      event.type === 'staff.transferred' ? { owner: event.to } : {},
    ),
    rememberHandback: assign(({ event }) => ({
      handback: event.type === 'staff.handedBack' ? (event.flow as HandbackFlow) : null,
    })),
    releaseOwnership: assign(() => ({ owner: null, queuedAt: null, acceptedAt: null })),
    rememberTicket: assign(({ event }) =>
      event.type === 'message.filed' ? { lastTicket: event.ticket } : {},
    ),
  },
}).createMachine({
  id: 'handoff',
  context: {
    owner: null,
    version: 0,
    reason: null,
    queuedAt: null,
    acceptedAt: null,
    handback: null,
    lastTicket: null,
  },
  initial: 'bot',
  states: {
    bot: {
      description: 'The bot answers.',
      on: {
        'customer.requested': [
          {
            guard: 'staffAvailable',
            target: 'queued',
            actions: ['rememberRequest', 'bumpVersion'],
          },
          { target: 'offeringMessage', actions: ['rememberRequest', 'bumpVersion'] },
        ],
        'staff.tookOver': {
          target: 'withStaff',
          actions: ['takeOver', 'takeOwnership', 'bumpVersion'],
        },
      },
    },
    queued: {
      description: 'Waiting for a staff member; the bot only sends queue updates.',
      on: {
        'staff.accepted': { target: 'withStaff', actions: ['takeOwnership', 'bumpVersion'] },
        'staff.tookOver': { target: 'withStaff', actions: ['takeOwnership', 'bumpVersion'] },
        'customer.cancelled': { target: 'bot', actions: ['releaseOwnership', 'bumpVersion'] },
        'queue.timedOut': { target: 'offeringMessage', actions: 'bumpVersion' },
      },
    },
    offeringMessage: {
      description: 'Nobody can take the chat now: offering to leave a message as a ticket.',
      on: {
        'customer.wantsToLeaveMessage': { target: 'takingMessage', actions: 'bumpVersion' },
        'customer.declinedMessage': { target: 'bot', actions: ['releaseOwnership', 'bumpVersion'] },
        'customer.cancelled': { target: 'bot', actions: ['releaseOwnership', 'bumpVersion'] },
        'staff.accepted': { target: 'withStaff', actions: ['takeOwnership', 'bumpVersion'] },
        'staff.tookOver': { target: 'withStaff', actions: ['takeOwnership', 'bumpVersion'] },
      },
    },
    takingMessage: {
      description: 'The next customer message is filed as a ticket.',
      on: {
        'message.filed': {
          target: 'bot',
          actions: ['rememberTicket', 'releaseOwnership', 'bumpVersion'],
        },
        'message.failed': { target: 'offeringMessage', actions: 'bumpVersion' },
        'customer.cancelled': { target: 'bot', actions: ['releaseOwnership', 'bumpVersion'] },
      },
    },
    withStaff: {
      description: 'A staff member owns the conversation; the bot stays silent.',
      on: {
        'staff.transferred': { actions: ['transferOwnership', 'bumpVersion'] },
        'staff.handedBack': {
          target: 'bot',
          actions: ['rememberHandback', 'releaseOwnership', 'bumpVersion'],
        },
        'staff.closed': { target: 'closed', actions: ['releaseOwnership', 'bumpVersion'] },
      },
    },
    closed: {
      description: 'Staff closed the chat; the next customer message goes to the bot again.',
      on: {
        'customer.spoke': { target: 'bot', actions: 'bumpVersion' },
        'customer.requested': [
          {
            guard: 'staffAvailable',
            target: 'queued',
            actions: ['rememberRequest', 'bumpVersion'],
          },
          { target: 'offeringMessage', actions: ['rememberRequest', 'bumpVersion'] },
        ],
        'staff.tookOver': {
          target: 'withStaff',
          actions: ['takeOver', 'takeOwnership', 'bumpVersion'],
        },
      },
    },
  },
});
