/** Who answers the customer: the bot, nobody yet (queued), a staff member, or nobody (closed). */
export type HandoffState =
  'bot' | 'queued' | 'withStaff' | 'offeringMessage' | 'takingMessage' | 'closed';

/** Why the customer is talking to a person, for the case card. */
export type HandoffReason =
  'asked' | 'menu' | 'misunderstood' | 'clientzone_failed' | 'flow' | 'staff_takeover';

/** What a staff member hands the conversation back into. */
export type HandbackFlow = 'resume' | 'upgrade-package' | 'add-accounts' | 'downgrade' | 'none';

export const HANDBACK_FLOWS: readonly HandbackFlow[] = [
  'resume',
  'upgrade-package',
  'add-accounts',
  'downgrade',
  'none',
];

export type HandoffEvent =
  | { type: 'customer.requested'; reason: HandoffReason; at: string; staffAvailable: boolean }
  | { type: 'customer.cancelled' }
  | { type: 'customer.spoke' }
  | { type: 'customer.wantsToLeaveMessage' }
  | { type: 'customer.declinedMessage' }
  | { type: 'message.filed'; ticket: string }
  | { type: 'message.failed' }
  | { type: 'queue.timedOut' }
  | { type: 'staff.accepted'; staff: string; at: string }
  | { type: 'staff.tookOver'; staff: string; at: string }
  | { type: 'staff.transferred'; to: string }
  | { type: 'staff.handedBack'; flow: HandbackFlow }
  | { type: 'staff.closed' };

export interface HandoffContext {
  owner: string | null;
  /** Grows with every change of who answers: a bot reply computed under an older version is dropped. */
  version: number;
  reason: HandoffReason | null;
  queuedAt: string | null;
  acceptedAt: string | null;
  handback: HandbackFlow | null;
  lastTicket: string | null;
}
