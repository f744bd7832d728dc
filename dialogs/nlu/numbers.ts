import { words } from './normalizeText.js';

const UNITS: Record<string, number> = {
  nol: 0,
  satu: 1,
  se: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
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
  sepuluh: 10,
  sebelas: 11,
  seratus: 100,
  seribu: 1000,
};
const MULTIPLIERS: Record<string, number> = {
  puluh: 10,
  belas: 0,
  ratus: 100,
  ribu: 1000,
  hundred: 100,
  thousand: 1000,
};

/**
 * The count a customer typed: digits ("5", "-3", "2,5") or number words in Indonesian or English
 * ("lima", "dua puluh lima", "seratus", "twelve"). Null when there is none.
 */
export function parseCount(text: string): number | null {
  const digits = text.match(/-?\d+(?:[.,]\d+)?/);
  if (digits) return Number(digits[0].replace(',', '.'));
  return parseNumberWords(words(text));
}

function parseNumberWords(tokens: string[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const token of tokens) {
    if (token in UNITS) {
      current += UNITS[token] ?? 0;
      seen = true;
    } else if (token === 'belas' && seen) {
      current += 10;
    } else if (token in MULTIPLIERS && seen) {
      const factor = MULTIPLIERS[token] ?? 1;
      if (factor >= 1000) {
        total += (current || 1) * factor;
        current = 0;
      } else current = (current || 1) * factor;
    } else if (seen) break;
  }
  return seen ? total + current : null;
}
