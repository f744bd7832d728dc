import { ActionTypes, type Activity } from 'botbuilder';
import { choiceActivity } from './choiceActivity.js';
import type { Formatters, Texts } from './locales/index.js';

/** The proactive message on the day a downgrade can be requested, with a button that starts it. */
export function downgradeReminderActivity(
  reminder: { domain: string; dueDate: string; serviceId: number },
  texts: Texts,
  formatters: Formatters,
  channelId: string,
): Partial<Activity> {
  const title = texts.outside.downgradeReminderButton;
  const choice = {
    value: title,
    action: {
      type: ActionTypes.MessageBack,
      title,
      text: title,
      displayText: title,
      value: { menu: 'downgrade', serviceId: reminder.serviceId },
    },
  };
  return choiceActivity(channelId, [choice], texts.outside.downgradeReminder(reminder, formatters));
}
