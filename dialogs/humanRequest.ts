import type { TurnContext } from 'botbuilder';
import type { FlowStage } from '../machines/caseStage.js';
import type { HandbackFlow, HandoffReason } from '../machines/handoffTypes.js';

/** A customer's wish to talk to a person, with where the conversation stood. */
export interface HumanRequest {
  reason: HandoffReason;
  stage: FlowStage | null;
}

/** Starts the handoff (queue, or an offer to leave a message); the bot's handoff service does it. */
export type HumanRequestHandler = (context: TurnContext, request: HumanRequest) => Promise<void>;

/** The event a hand-back turn carries into the dialogs. */
export const HANDBACK_EVENT = 'handoff.handback';

export function handbackFlowOf(activity: {
  type?: string;
  name?: string;
  value?: unknown;
}): HandbackFlow | null {
  if (activity.type !== 'event' || activity.name !== HANDBACK_EVENT) return null;
  const flow = (activity.value as { flow?: unknown } | undefined)?.flow;
  const known: readonly string[] = [
    'resume',
    'upgrade-package',
    'add-accounts',
    'downgrade',
    'none',
  ];
  return typeof flow === 'string' && known.includes(flow) ? (flow as HandbackFlow) : null;
}
