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
/** Words that are a whole hundred or thousand by themselves. */
const ROUND: Record<string, { hundreds?: number; thousands?: number }> = {
  seratus: { hundreds: 1 },
  seribu: { thousands: 1 },
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
  let thousands = 0;
  let hundreds = 0;
  let small = 0;
  let seen = false;
  for (const token of tokens) {
    const round = ROUND[token];
    if (token in UNITS) small += UNITS[token] ?? 0;
    else if (round?.hundreds) hundreds += 100;
    else if (round?.thousands) thousands += 1000;
    else if (!seen) continue;
    else if (token === 'belas') small += 10;
    else if (token === 'puluh') small *= 10;
    else if (token === 'ratus' || token === 'hundred') {
      hundreds += (small || 1) * 100;
      small = 0;
    } else if (token === 'ribu' || token === 'thousand') {
      thousands += (hundreds + small || 1) * 1000;
      hundreds = 0;
      small = 0;
    } else if (token !== 'and') break;
    seen = true;
  }
  return seen ? thousands + hundreds + small : null;
}
