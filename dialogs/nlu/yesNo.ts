import { canonicalWords } from './slang.js';

/** Yes words, as canonical spellings ("iyaa", "ok", "sipp" arrive as "iya", "oke", "sip"). */
const YES = new Set(
  'ya iya y yes yup yep yeah yoi yups oke okelah sip siap lanjut lanjutkan boleh setuju betul benar bener konfirmasi confirm confirmed sure gas mau deal yakin pasti correct right proceed go agreed'.split(
    ' ',
  ),
);
/** No words, as canonical spellings ("gak", "nggak", "tdk" arrive as "tidak"). */
const NO = new Set(
  'tidak no nope jangan batal batalkan cancel nah ogah belum nanti later not never enggak'.split(
    ' ',
  ),
);

/** Yes or no in Indonesian or English, slang and typos included; the first word decides. */
export function recognizeYesNo(text: string): boolean | null {
  const first = canonicalWords(text)[0];
  if (first === undefined) return null;
  if (YES.has(first)) return true;
  if (NO.has(first)) return false;
  return null;
}
