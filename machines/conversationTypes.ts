import type { FlowStage } from './caseStage.js';

/**
 * Vocabulary shared by every flow machine and the dialog that hosts it:
 * what the customer can send, what the bot says (as keys, never text), and what input a waiting state expects.
 */

/** A label the dialog renders in the customer's language. */
export type Label =
  | { key: 'label.service'; domain: string; productName: string }
  | { key: 'label.package'; name: string; price: number; cycle: string; currencyCode: string }
  | { key: 'label.kind.package' }
  | { key: 'label.kind.accounts' }
  | { key: 'label.retry' }
  | { key: 'label.human' }
  | { key: 'label.cancel' }
  | { key: 'label.yes' }
  | { key: 'label.no' }
  | { key: 'label.remindMe' }
  | { key: 'label.noThanks' }
  | { key: 'label.keepPackage' }
  | { key: 'label.keepAccounts' }
  | { key: 'label.skip' }
  | { key: 'label.downgrade' };

export interface ChoiceOption {
  value: string;
  label: Label;
  /** Extra words that select this option when typed (domain, package name). */
  synonyms: string[];
}

/** What a waiting state can understand; the dialog recognises text against it. */
export type Expectation =
  | { kind: 'choice'; choices: ChoiceOption[] }
  | { kind: 'number'; min: number; max: number; choices: ChoiceOption[] }
  | { kind: 'confirm'; choices: ChoiceOption[] }
  /** Free text, e.g. an optional reason; the choices offer a way to skip. */
  | { kind: 'text'; maxLength: number; choices: ChoiceOption[] };

/** Events every flow machine understands. */
export type UserEvent =
  | { type: 'user.chose'; value: string }
  | { type: 'user.entered'; value: number }
  | { type: 'user.confirmed' }
  | { type: 'user.declined' }
  | { type: 'user.said'; text: string }
  | { type: 'user.unrecognized'; text: string }
  | { type: 'user.cancel' }
  | { type: 'user.help' }
  | { type: 'user.human' }
  /** Staff handed the conversation back: ask the pending question again. */
  | { type: 'staff.handback' };

/** How a flow ended, handed back to the main dialog. */
export type FlowOutcome = 'done' | 'cancelled' | 'blocked' | 'ineligible' | 'nothingToDo';

export interface FlowOutput {
  outcome: FlowOutcome;
  serviceId?: number;
  /** Where the flow ended, for the staff's case card if the customer asks for a person next. */
  stage?: FlowStage;
}
