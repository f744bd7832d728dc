import type { Intent } from './keywordIntents.js';

type MoneyIntent = Extract<Intent, 'upgrade_package' | 'add_accounts' | 'downgrade'>;

const PACKAGE_WORDS = new Set(['paket', 'plan', 'package', 'level', 'kelas', 'tier']);
const ACCOUNT_WORDS = new Set(
  'akun account accounts user users mailbox mailboxes alamat seat seats'.split(' '),
);
const UP_WORDS = new Set(['upgrade', 'naikkan', 'undersized', 'outgrew', 'tingkatkan']);
const DOWN_WORDS = new Set(['downgrade', 'turunkan', 'oversized', 'overpriced']);
const ADD_WORDS = new Set('tambah add extra additional more another buatkan beli'.split(' '));
/** Invoices and mail-client set-up ("cara tambah akun di outlook") are never a purchase. */
const BLOCKERS = new Set(
  'invoice tagihan outlook thunderbird android iphone hp aplikasi app setting setup configure imap smtp pop3'.split(
    ' ',
  ),
);

/** Where a package change named by its target goes: to the top package is always up. */
export type PackageDirection = 'up' | 'down' | null;

/**
 * The money-moving intent that unambiguous words point to ("upgrade", "turun paket", "tambah
 * akun"), or null when none or several do; failing words, the direction of a named target package
 * ("ganti ke enterprise"). Words are the classifier's canonical input.
 */
export function moneyCue(
  words: readonly string[],
  direction: PackageDirection = null,
): MoneyIntent | null {
  const set = new Set(words);
  const has = (group: Set<string>) => words.some((word) => group.has(word));
  if (has(BLOCKERS)) return null;
  const cues: MoneyIntent[] = [];
  if (has(UP_WORDS) || (set.has('naik') && has(PACKAGE_WORDS))) cues.push('upgrade_package');
  const reduces = set.has('reduce') && (has(ACCOUNT_WORDS) || has(PACKAGE_WORDS));
  if (has(DOWN_WORDS) || (set.has('turun') && has(PACKAGE_WORDS)) || reduces) {
    cues.push('downgrade');
  }
  const newEmail = set.has('email') && set.has('baru');
  if (has(ADD_WORDS) && (has(ACCOUNT_WORDS) || newEmail)) cues.push('add_accounts');
  if (cues.length === 0 && direction) return direction === 'up' ? 'upgrade_package' : 'downgrade';
  return cues.length === 1 ? (cues[0] ?? null) : null;
}
