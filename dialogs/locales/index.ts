import { en } from './en.js';
import { id } from './id.js';
import type { Formatters, LanguageTag, Texts } from './texts.js';

export type { FlowReply, Formatters, LanguageTag, Texts } from './texts.js';

const TEXTS: Record<LanguageTag, Texts> = { id, en };

/**
 * The language of a turn: the activity's locale when it names one we speak,
 * else the client's Clientzone language, else Bahasa Indonesia.
 */
export function chooseLanguage(
  activityLocale?: string | null,
  clientLanguage?: string | null,
): LanguageTag {
  const fromActivity = activityLocale?.toLowerCase().slice(0, 2);
  if (fromActivity === 'en' || fromActivity === 'id') return fromActivity;
  const fromClient = clientLanguage?.toLowerCase();
  if (fromClient === 'english' || fromClient?.startsWith('en')) return 'en';
  return 'id';
}

export function textsFor(language: LanguageTag): Texts {
  return TEXTS[language];
}

/** Money is shown as Rupiah with Indonesian grouping in every language (`Rp 150.000,00`). */
export function formatMoney(amount: number, currencyCode: string): string {
  return cached(
    moneyFormats,
    currencyCode || 'IDR',
    (currency) => new Intl.NumberFormat('id-ID', { style: 'currency', currency }),
  ).format(amount);
}

// Building an Intl formatter costs far more than formatting with one.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, create: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = create(key);
    cache.set(key, value);
  }
  return value;
}

export function createFormatters(texts: Texts, clientzoneUrl: string): Formatters {
  const base = clientzoneUrl.replace(/\/+$/, '');
  return {
    money: formatMoney,
    date: (isoDate) => formatDate(isoDate, texts.intlLocale),
    cycle: (cycle) => texts.common.cycles[cycle] ?? cycle,
    perCycle: (cycle) => texts.common.cyclesPer[cycle] ?? cycle,
    invoiceUrl: (invoiceId) => `${base}/viewinvoice.php?id=${invoiceId}`,
    invoiceListUrl: () => `${base}/clientarea.php?action=invoices`,
  };
}

function formatDate(isoDate: string | null, intlLocale: string): string {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}/.test(isoDate)) return '-';
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  return cached(
    dateFormats,
    intlLocale,
    (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(date);
}
