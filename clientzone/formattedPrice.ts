/**
 * Parses a price as WHMCS formats it for display (`formatCurrency`), whatever the
 * currency's format: `Rp150.000`, `Rp1.250.000,50`, `$4.33 USD`, `-Rp50.000`, `Rp-50.000`,
 * `1 250 000,50 €`, `(Rp50.000)`.
 *
 * The decimal separator is the last `.` or `,` when exactly one or two digits follow it at
 * the end of the number; every other `.`, `,`, space or apostrophe groups thousands.
 * Throws a RangeError when the text holds no digits.
 */
export function parseFormattedPrice(text: string): number {
  const normalised = String(text)
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, '-')
    .replace(/[\u00A0\u202F\u2009]/g, ' ')
    .trim();
  const core = /\d(?:[\d.,' ]*\d)?/.exec(normalised)?.[0];
  if (core === undefined) {
    throw new RangeError(`Not a formatted price: "${normalised.slice(0, 40)}"`);
  }
  const magnitude = parseNumericCore(core);
  const negative = normalised.includes('-') || /^\(.*\)$/.test(normalised);
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

function parseNumericCore(core: string): number {
  const decimal = /[.,](\d{1,2})$/.exec(core);
  if (decimal === null) return Number(core.replace(/\D/g, ''));
  const integerPart = core.slice(0, decimal.index).replace(/\D/g, '') || '0';
  return Number(`${integerPart}.${decimal[1]}`);
}
