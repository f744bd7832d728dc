import { words } from './normalizeText.js';

const YES = new Set([
  'ya',
  'iya',
  'y',
  'yes',
  'yup',
  'yep',
  'yeah',
  'ok',
  'oke',
  'okay',
  'okey',
  'sip',
  'siap',
  'lanjut',
  'lanjutkan',
  'boleh',
  'setuju',
  'betul',
  'benar',
  'konfirmasi',
  'confirm',
  'sure',
  'gas',
  'mau',
]);
const NO = new Set([
  'tidak',
  'tdk',
  'nggak',
  'ngga',
  'enggak',
  'gak',
  'ga',
  'engga',
  'no',
  'nope',
  'jangan',
  'batal',
  'cancel',
  'nah',
]);

/** Yes or no in Indonesian or English (first word decides: "ya, lanjut" / "nggak dulu"). */
export function recognizeYesNo(text: string): boolean | null {
  const first = words(text)[0];
  if (first === undefined) return null;
  if (YES.has(first)) return true;
  if (NO.has(first)) return false;
  return null;
}
