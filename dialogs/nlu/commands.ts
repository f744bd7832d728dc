import { normalizeText, words } from './normalizeText.js';

/** A command that works from every waiting state of every flow. */
export type GlobalCommand = 'cancel' | 'help' | 'human';

const CANCEL_PHRASES = new Set([
  'batal',
  'batalkan',
  'batalin',
  'cancel',
  'stop',
  'keluar',
  'exit',
  'quit',
  'gak jadi',
  'ga jadi',
  'nggak jadi',
  'enggak jadi',
  'tidak jadi',
  'ngga jadi',
  'udahan',
  'sudah cukup',
  'never mind',
  'nevermind',
]);

const HELP_PHRASES = new Set([
  'help',
  'bantuan',
  'tolong',
  'bingung',
  'menu',
  'info',
  '?',
  'panduan',
]);

/** Words that ask for a person wherever they appear in a short message. */
const HUMAN_WORDS = new Set([
  'cs',
  'admin',
  'agen',
  'agent',
  'manusia',
  'operator',
  'human',
  'staf',
  'staff',
  'petugas',
  'customer service',
]);

const HUMAN_PHRASES = [
  /\b(talk|speak|chat) (to|with) (a |an )?(person|someone|human|agent)\b/,
  /\bcustomer service\b/,
  /\blive agent\b/,
];

/** Recognises cancel, help and "talk to a person" in either language. */
export function recognizeCommand(text: string): GlobalCommand | null {
  const normalized = normalizeText(text)
    .replace(/[.,!]+$/g, '')
    .trim();
  if (CANCEL_PHRASES.has(normalized)) return 'cancel';
  if (HELP_PHRASES.has(normalized) || text.trim() === '?') return 'help';
  const tokens = words(text);
  if (tokens.length <= 12 && tokens.some((w) => HUMAN_WORDS.has(w))) return 'human';
  if (HUMAN_PHRASES.some((pattern) => pattern.test(normalized))) return 'human';
  return null;
}
