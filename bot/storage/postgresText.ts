const NUL = String.fromCharCode(0);
const ESCAPE = String.fromCharCode(1);
const ESCAPED_NUL = ESCAPE + ESCAPE;
const ESCAPED_ESCAPE = ESCAPE + String.fromCharCode(2);

/**
 * PostgreSQL text cannot hold U+0000, which our keys may contain (the turn ledger joins ids with
 * it). Keys are stored with U+0000 as U+0001 U+0001 and U+0001 as U+0001 U+0002: a prefix code
 * that keeps the order under `COLLATE "C"` and keeps prefixes prefixes, so `list(prefix)` and
 * `ORDER BY key` behave as on SQLite. Keys without either character are stored verbatim.
 */
export function toStoredKey(key: string): string {
  if (!key.includes(NUL) && !key.includes(ESCAPE)) return key;
  return Array.from(key, (char) => {
    if (char === NUL) return ESCAPED_NUL;
    return char === ESCAPE ? ESCAPED_ESCAPE : char;
  }).join('');
}

/** The key `toStoredKey` stored. */
export function fromStoredKey(stored: string): string {
  if (!stored.includes(ESCAPE)) return stored;
  let key = '';
  for (let i = 0; i < stored.length; i += 1) {
    if (stored[i] !== ESCAPE) {
      key += stored[i];
      continue;
    }
    i += 1;
    key += stored[i] === ESCAPE ? NUL : ESCAPE;
  }
  return key;
}
