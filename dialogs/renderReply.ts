import { ActionTypes, type Activity, type CardAction } from 'botbuilder';
import type { Choice } from 'botbuilder-dialogs';
import { choiceActivity } from './choiceActivity.js';
import type { ChoiceOption, Label } from '../machines/conversationTypes.js';
import type { FlowReply, Formatters, Texts } from './locales/index.js';

/** What a button sends back: the flow instance it belongs to, so stale buttons are recognised. */
export interface ButtonValue {
  flowId: string;
  choice: string;
}

export interface RenderContext {
  texts: Texts;
  formatters: Formatters;
  channelId: string;
  flowId: string;
}

export function labelText(label: Label, rc: Pick<RenderContext, 'texts' | 'formatters'>): string {
  const render = rc.texts.label[label.key] as (l: Label, f: Formatters) => string;
  return render(label, rc.formatters);
}

export function replyText(
  reply: FlowReply,
  rc: Pick<RenderContext, 'texts' | 'formatters'>,
): string {
  const render = rc.texts.reply[reply.key] as (r: FlowReply, f: Formatters) => string;
  return render(reply, rc.formatters);
}

/** A reply as an activity; choices become buttons the channel can show (ChoiceFactory decides how). */
export function renderReply(
  reply: FlowReply,
  choices: ChoiceOption[],
  rc: RenderContext,
): Partial<Activity> {
  const text = replyText(reply, rc);
  if (choices.length === 0) return { type: 'message', text, textFormat: 'markdown' };
  const buttons = choices.map((choice) => toChoice(choice, rc));
  const activity = choiceActivity(rc.channelId, buttons, text, {
    includeNumbers: true,
    inlineSeparator: ', ',
    inlineOr: ` ${rc.texts.common.or} `,
    inlineOrMore: `, ${rc.texts.common.or} `,
  });
  return { ...activity, textFormat: 'markdown' };
}

function toChoice(choice: ChoiceOption, rc: RenderContext): Choice {
  const title = labelText(choice.label, rc);
  const value: ButtonValue = { flowId: rc.flowId, choice: choice.value };
  const action: CardAction = {
    type: ActionTypes.MessageBack,
    title,
    text: title,
    displayText: title,
    value,
  };
  return { value: title, action, synonyms: choice.synonyms };
}
