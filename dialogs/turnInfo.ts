import type { TurnContext } from 'botbuilder';
import type { LanguageTag } from './locales/index.js';

/** The signed-in Clientzone customer of this turn, verified from the identity token. */
export interface Customer {
  clientId: number;
  name: string | null;
  currencyCode: string;
}

/** What the bot knows before the dialogs run: who is talking, and in which language. */
export interface TurnInfo {
  customer: Customer | null;
  language: LanguageTag;
}

const TURN_INFO_KEY = Symbol('oxmail.turnInfo');

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(TURN_INFO_KEY, info);
}

export function turnInfoOf(context: TurnContext): TurnInfo {
  const info = context.turnState.get(TURN_INFO_KEY) as TurnInfo | undefined;
  return info ?? { customer: null, language: 'id' };
}
