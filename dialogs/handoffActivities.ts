import { ActionTypes, type Activity } from 'botbuilder';
import { choiceActivity } from './choiceActivity.js';
import type { Texts } from './locales/index.js';

/** What the customer's handoff buttons send back. */
export type HandoffChoice = 'cancel' | 'leave-message' | 'no-message';

export function handoffChoiceOf(value: unknown): HandoffChoice | null {
  if (typeof value !== 'object' || value === null) return null;
  const choice = (value as Record<string, unknown>).handoff;
  return choice === 'cancel' || choice === 'leave-message' || choice === 'no-message'
    ? choice
    : null;
}

function button(title: string, choice: HandoffChoice) {
  return {
    value: title,
    action: {
      type: ActionTypes.MessageBack,
      title,
      text: title,
      displayText: title,
      value: { handoff: choice },
    },
  };
}

/** "You are number N in the queue", with a button to stop waiting. */
export function queuedActivity(
  texts: Texts,
  channelId: string,
  position: number,
  eta: number,
): Partial<Activity> {
  return choiceActivity(
    channelId,
    [button(texts.common.handoff.cancelWaitingButton, 'cancel')],
    texts.common.handoff.queued(position, eta),
  );
}

/** Nobody can take the chat: the reason, and the offer to leave a message. */
export function unavailableActivity(
  texts: Texts,
  channelId: string,
  why: 'hours' | 'noStaff' | 'timeout',
  hours: string,
): Partial<Activity> {
  const h = texts.common.handoff;
  return choiceActivity(
    channelId,
    [button(h.leaveMessageButton, 'leave-message'), button(h.noThanksButton, 'no-message')],
    h.unavailable(why, hours),
  );
}
