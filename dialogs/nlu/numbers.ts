import { words } from './normalizeText.js';

const UNITS: Record<string, number> = {
  nol: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sebelas: 11,
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Words that are a whole hundred, thousand or dozen by themselves. */
const ROUND: Record<string, number> = { seratus: 100, seribu: 1000, selusin: 12, dozen: 12 };

/** A whole number written in a message: its value and the words it spans (`end` exclusive). */
export interface NumberSpan {
  value: number;
  start: number;
  end: number;
}

/**
 * The count a customer typed: digits ("5", "-3", "2,5") or number words in Indonesian or English
 * ("lima", "dua puluh lima", "seratus", "twelve", "twenty-five"). Null when there is none.
 */
export function parseCount(text: string): number | null {
  const digits = text.match(/-?\d+(?:[.,]\d+)?/);
  if (digits) return Number(digits[0].replace(',', '.'));
  return findNumbers(words(text.replace(/-/g, ' ')))[0]?.value ?? null;
}

/** Every whole number in a list of words, as digits ("12") or number words ("dua belas"). */
export function findNumbers(tokens: string[]): NumberSpan[] {
  const spans: NumberSpan[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] ?? '';
    const span = /^\d{1,9}$/.test(token)
      ? { value: Number(token), start: index, end: index + 1 }
      : readNumberWords(tokens, index);
    if (span) spans.push(span);
    index = span ? span.end : index + 1;
  }
  return spans;
}

interface Tally {
  thousands: number;
  hundreds: number;
  small: number;
}

function readNumberWords(tokens: string[], start: number): NumberSpan | null {
  const tally: Tally = { thousands: 0, hundreds: 0, small: 0 };
  let end = start;
  while (end < tokens.length && addNumberWord(tally, tokens[end] ?? '', end > start)) end += 1;
  if (end === start) return null;
  if (tokens[end - 1] === 'and') end -= 1;
  return { value: tally.thousands + tally.hundreds + tally.small, start, end };
}

/** Adds one word to a number being read; false when the word is not part of it. */
function addNumberWord(tally: Tally, token: string, continuing: boolean): boolean {
  const unit = UNITS[token];
  if (unit !== undefined) tally.small += unit;
  else if (ROUND[token] === 12) tally.small += 12;
  else if (ROUND[token] === 100) tally.hundreds += 100;
  else if (ROUND[token] === 1000) tally.thousands += 1000;
  else if (!continuing) return false;
  else if (token === 'belas') tally.small += 10;
  else if (token === 'puluh') tally.small *= 10;
  else if (token === 'lusin') tally.small = (tally.small || 1) * 12;
  else if (token === 'ratus' || token === 'hundred') {
    tally.hundreds += (tally.small || 1) * 100;
    tally.small = 0;
  } else if (token === 'ribu' || token === 'thousand') {
    tally.thousands += (tally.hundreds + tally.small || 1) * 1000;
    tally.hundreds = 0;
    tally.small = 0;
  } else if (token !== 'and') return false;
  return true;
}
