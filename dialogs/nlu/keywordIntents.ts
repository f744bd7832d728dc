import { recognizeCommand } from './commands.js';
import { normalizeText } from './normalizeText.js';
import { parseCount } from './numbers.js';

export type Intent =
  | 'upgrade_package'
  | 'add_accounts'
  | 'downgrade'
  | 'human'
  | 'invoice_status'
  | 'cancel'
  | 'help'
  | 'greeting'
  | 'thanks'
  | 'unknown';

/** What a message names besides its intent. */
export interface IntentEntities {
  /** A number of email accounts ("tambah 5 akun", "lima", "twelve"). */
  accounts?: number;
  /** A catalogue package name, matched loosely ("paket bisnis" -> "OX Mail Business"). */
  packageName?: string;
  /** A domain named in the message ("tokoku.co.id", or the part after "@" of an address). */
  domain?: string;
  /** A yes or no answer ("iya", "oke", "gak", "no"). */
  yesNo?: boolean;
  /** An invoice number ("status invoice 1234"). */
  invoiceId?: number;
}

export interface RecognizedIntent {
  intent: Intent;
  score: number;
  entities: IntentEntities;
}

/** Recognises what a customer wants from free text; the seam issue F replaces with a trained model. */
export interface IntentRecognizer {
  recognize(text: string): Promise<RecognizedIntent>;
}

const PATTERNS: { intent: Intent; pattern: RegExp }[] = [
  {
    intent: 'add_accounts',
    pattern:
      /\b(tambah|nambah|add|more|extra|tambahan)\b.*\b(akun|account|accounts|user|users|mailbox)\b/,
  },
  { intent: 'add_accounts', pattern: /\b(akun|account|user)\b.*\b(tambah|tambahan|lagi|more)\b/ },
  {
    intent: 'upgrade_package',
    pattern: /\b(upgrade|upgrad|naik|naikkan|naikin|ganti|pindah)\b.*\b(paket|package|plan)\b/,
  },
  { intent: 'upgrade_package', pattern: /\b(upgrade|upgarde|upgrde|upgrad)\b/ },
  { intent: 'downgrade', pattern: /\b(downgrade|donwgrade|turun paket|turunkan)\b/ },
  {
    intent: 'greeting',
    pattern:
      /^(halo|hallo|hai|hi|hello|pagi|siang|sore|malam|selamat (pagi|siang|sore|malam)|assalamualaikum)\b/,
  },
  { intent: 'thanks', pattern: /\b(terima kasih|makasih|thanks|thank you|thx|tq)\b/ },
];

/** Keyword rules that recognise the menu's intents in Indonesian and English. */
export class KeywordIntentRecognizer implements IntentRecognizer {
  recognize(text: string): Promise<RecognizedIntent> {
    return Promise.resolve(recognizeKeywords(text));
  }
}

export function recognizeKeywords(text: string): RecognizedIntent {
  const command = recognizeCommand(text);
  if (command) return { intent: command, score: 1, entities: {} };
  const normalized = normalizeText(text);
  const match = PATTERNS.find(({ pattern }) => pattern.test(normalized));
  if (!match) return { intent: 'unknown', score: 0, entities: {} };
  const accounts = match.intent === 'add_accounts' ? parseCount(normalized) : null;
  return {
    intent: match.intent,
    score: 0.9,
    entities: accounts === null ? {} : { accounts },
  };
}
