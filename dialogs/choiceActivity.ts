import type { Activity } from 'botbuilder';
import { ChoiceFactory, type Choice, type ChoiceFactoryOptions } from 'botbuilder-dialogs';

/**
 * Channels whose suggested actions show long titles well. ChoiceFactory caps titles at 20
 * characters for every channel and falls back to a text list; package names with prices are longer.
 */
const LONG_TITLE_CHANNELS = new Set(['directline', 'webchat', 'emulator']);

/** A message with choices shaped for the channel: buttons where they work, else a numbered list. */
export function choiceActivity(
  channelId: string,
  choices: Choice[],
  text: string,
  options?: ChoiceFactoryOptions,
): Partial<Activity> {
  if (LONG_TITLE_CHANNELS.has(channelId) && choices.length <= 10) {
    return ChoiceFactory.suggestedAction(choices, text);
  }
  return ChoiceFactory.forChannel(channelId, choices, text, undefined, options);
}
