import { findDomains } from './domains.js';
import type { Intent, IntentEntities } from './keywordIntents.js';
import { findNumbers, type NumberSpan } from './numbers.js';
import { matchPackageName } from './packageNames.js';
import { canonicalWords } from './slang.js';
import { recognizeYesNo } from './yesNo.js';

/** Words that a number of accounts sits next to ("5 akun", "akun 5", "4 orang", "3 more mailboxes"). */
const ACCOUNT_NOUNS = new Set(
  'akun account accounts user users mailbox mailboxes email alamat orang karyawan pegawai staff staf people person employee employees hires seat seats slot anggota member members inbox'.split(
    ' ',
  ),
);
/** Words that may stand between a number and its noun ("5 akun lagi", "akun email 3", "3 more"). */
const SKIPPABLE = new Set(
  'lagi tambahan baru more extra new additional email saja dong ya deh nih jadi to sebanyak total'.split(
    ' ',
  ),
);
/** Words around a number that make it money, size or time, never a number of accounts. */
const NOT_ACCOUNTS_BEFORE = new Set(['rp', 'idr', 'usd', 'tanggal', 'tgl', 'jam', 'pukul', 'port']);
const NOT_ACCOUNTS_AFTER = new Set(
  'rb ribu k jt juta rupiah idr persen gb mb tb hari bulan tahun jam menit kali x'.split(' '),
);
const INVOICE_WORDS = new Set(['invoice', 'tagihan', 'faktur', 'nota', 'bill']);
const INVOICE_NUMBER_WORDS = new Set(['no', 'nomor', 'nomer', 'number', 'num', 'nr', 'id', 'ke']);
const MAX_REPLY_WORDS = 4;
/** Intents where a bare number, with no noun next to it, still means a number of accounts. */
const COUNTING_INTENTS = new Set<Intent>(['add_accounts', 'downgrade']);

/** What entity extraction needs besides the text. */
export interface EntityOptions {
  intent: Intent;
  packageNames: readonly string[];
}

/** Everything a message names besides its intent: accounts, package, domain, yes/no, invoice. */
export function extractEntities(text: string, options: EntityOptions): IntentEntities {
  const tokens = canonicalWords(text);
  const entities: IntentEntities = {};
  const invoice = findInvoiceNumber(tokens);
  const accounts = findAccounts(tokens, options.intent, invoice?.start);
  const packageName = matchPackageName(text, options.packageNames);
  const domain = findDomains(text)[0];
  // "mau upgrade ke enterprise" is a request, not a yes: only short replies carry one.
  const yesNo = tokens.length <= MAX_REPLY_WORDS ? recognizeYesNo(text) : null;
  if (accounts !== undefined) entities.accounts = accounts;
  if (packageName !== undefined) entities.packageName = packageName;
  if (domain !== undefined) entities.domain = domain;
  if (yesNo !== null) entities.yesNo = yesNo;
  if (invoice) entities.invoiceId = invoice.value;
  return entities;
}

/** "invoice 1234", "inv #1234", "tagihan no 1234", "status of invoice 1234". */
function findInvoiceNumber(tokens: string[]): NumberSpan | undefined {
  for (let index = 0; index < tokens.length; index += 1) {
    if (!INVOICE_WORDS.has(tokens[index] ?? '')) continue;
    let next = index + 1;
    if (INVOICE_NUMBER_WORDS.has(tokens[next] ?? '')) next += 1;
    const token = tokens[next] ?? '';
    if (/^\d{1,10}$/.test(token)) return { value: Number(token), start: next, end: next + 1 };
  }
  return undefined;
}

/** A number next to an account noun; for add/downgrade also a lone number ("tambah sepuluh"). */
function findAccounts(tokens: string[], intent: Intent, invoiceAt?: number): number | undefined {
  const spans = findNumbers(tokens).filter(
    (span) =>
      span.start !== invoiceAt &&
      span.value > 0 &&
      !NOT_ACCOUNTS_BEFORE.has(tokens[span.start - 1] ?? '') &&
      !NOT_ACCOUNTS_AFTER.has(tokens[span.end] ?? ''),
  );
  const linked = spans.find((span) => isNextToAccountNoun(tokens, span));
  if (linked) return linked.value;
  return COUNTING_INTENTS.has(intent) && spans.length === 1 ? spans[0]?.value : undefined;
}

function isNextToAccountNoun(tokens: string[], span: NumberSpan): boolean {
  return nounWithin(tokens, span.end, 1) || nounWithin(tokens, span.start - 1, -1);
}

/** Walks from `index` in `step` direction over skippable words, up to three words. */
function nounWithin(tokens: string[], index: number, step: 1 | -1): boolean {
  for (let i = index, seen = 0; i >= 0 && i < tokens.length && seen < 3; i += step, seen += 1) {
    const token = tokens[i] ?? '';
    if (ACCOUNT_NOUNS.has(token)) return true;
    if (!SKIPPABLE.has(token)) return false;
  }
  return false;
}
