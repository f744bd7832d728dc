import type { Activity } from 'botbuilder';
import { recognizeChoices } from 'botbuilder-dialogs';
import type { ChoiceOption, Expectation, UserEvent } from '../machines/conversationTypes.js';
import { recognizeCommand, type GlobalCommand } from './nlu/commands.js';
import { replaceDomains } from './nlu/domains.js';
import { parseCount } from './nlu/numbers.js';
import { matchPackageName } from './nlu/packageNames.js';
import { recognizeYesNo } from './nlu/yesNo.js';

/** A flow event, or a button from an earlier message that no longer applies. */
export type RecognizedInput = UserEvent | { type: 'user.stale' };

const COMMAND_EVENTS: Record<GlobalCommand, UserEvent> = {
  cancel: { type: 'user.cancel' },
  help: { type: 'user.help' },
  human: { type: 'user.human' },
};

/**
 * Maps an activity to the event the waiting state understands: buttons by value,
 * typed text by the state's expectation (choice by number or name, a count, yes/no).
 */
export function recognizeInput(
  activity: Pick<Activity, 'text' | 'value'>,
  expects: Expectation | null,
  flowId: string,
  labelOf: (choice: ChoiceOption) => string,
): RecognizedInput {
  const button = buttonValueOf(activity.value);
  if (button) {
    if (button.choice.startsWith('cmd:')) return commandEvent(button.choice.slice(4));
    if (button.flowId !== flowId) return { type: 'user.stale' };
    return eventForChoice(button.choice, expects);
  }
  const text = (activity.text ?? '').slice(0, 1000);
  const command = recognizeCommand(text);
  if (command) return COMMAND_EVENTS[command];
  return recognizeText(text, expects, labelOf);
}

function recognizeText(
  text: string,
  expects: Expectation | null,
  labelOf: (choice: ChoiceOption) => string,
): RecognizedInput {
  if (!expects || text.trim() === '') return { type: 'user.unrecognized', text };
  const yes = recognizeYesNo(text);
  if (yes !== null && expects.kind === 'confirm') {
    return yes ? { type: 'user.confirmed' } : { type: 'user.declined' };
  }
  // A "no" typed at a choice that offers one ("gak usah" to a reminder offer).
  if (yes === false && expects.choices.some((c) => c.value === 'no')) {
    return eventForChoice('no', expects);
  }
  if (expects.kind === 'number') {
    // "toko123.com" is not a count.
    const count = parseCount(replaceDomains(text.toLowerCase(), ' '));
    if (count !== null) return { type: 'user.entered', value: count };
  }
  const chosen = matchChoice(text, expects.choices, labelOf);
  if (chosen !== null) return eventForChoice(chosen, expects);
  if (expects.kind === 'text')
    return { type: 'user.said', text: text.trim().slice(0, expects.maxLength) };
  return { type: 'user.unrecognized', text };
}

function matchChoice(
  text: string,
  choices: ChoiceOption[],
  labelOf: (choice: ChoiceOption) => string,
): string | null {
  if (choices.length === 0) return null;
  const candidates = choices.map((choice) => ({
    value: choice.value,
    synonyms: [labelOf(choice), ...choice.synonyms],
  }));
  const found = recognizeChoices(text, candidates, {
    recognizeOrdinals: false,
    allowPartialMatches: false,
  });
  return found[0]?.resolution.value ?? matchPackageChoice(text, choices);
}

/** A package typed loosely ("paket bisnis", "enterprice") against the choices' package names. */
function matchPackageChoice(text: string, choices: ChoiceOption[]): string | null {
  const byName = new Map<string, string>();
  for (const choice of choices) {
    // Domains and ids select services; only names are matched loosely, all of a choice's as one.
    const names = choice.synonyms.filter((s) => /[a-z]{3}/i.test(s) && !s.includes('.'));
    if (names.length > 0) byName.set(names.join(' '), choice.value);
  }
  const name = matchPackageName(text, [...byName.keys()]);
  return name === undefined ? null : (byName.get(name) ?? null);
}

function eventForChoice(value: string, expects: Expectation | null): RecognizedInput {
  if (value.startsWith('cmd:')) return commandEvent(value.slice(4));
  if (expects?.kind === 'confirm' && (value === 'yes' || value === 'no')) {
    return value === 'yes' ? { type: 'user.confirmed' } : { type: 'user.declined' };
  }
  return { type: 'user.chose', value };
}

function commandEvent(name: string): RecognizedInput {
  return name === 'cancel' || name === 'help' || name === 'human'
    ? COMMAND_EVENTS[name]
    : { type: 'user.unrecognized', text: name };
}

function buttonValueOf(value: unknown): { flowId: string; choice: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { flowId, choice } = value as Record<string, unknown>;
  return typeof flowId === 'string' && typeof choice === 'string' ? { flowId, choice } : null;
}
