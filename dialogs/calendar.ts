/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone, e.g. today in Asia/Jakarta. */
export function calendarDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Renewal and downgrade windows are counted in Asia/Jakarta calendar days (the company's own). */
export const BILLING_TIME_ZONE = 'Asia/Jakarta';
