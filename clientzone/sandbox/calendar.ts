/** Calendar helpers: dates are Asia/Jakarta calendar days (UTC+7, no daylight saving). */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const UNSET_DATE = '0000-00-00';
export const UNSET_DATETIME = '0000-00-00 00:00:00';

function jakartaIso(now: Date): string {
  return new Date(now.getTime() + JAKARTA_OFFSET_MS).toISOString();
}

/** `YYYY-MM-DD` of the Jakarta calendar day at `now`. */
export function jakartaDate(now: Date): string {
  return jakartaIso(now).slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` in Jakarta time. */
export function jakartaDateTime(now: Date): string {
  const iso = jakartaIso(now);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function toUtcMidnight(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(date: string, days: number): string {
  return new Date(toUtcMidnight(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Like PHP `mktime(0, 0, 0, month + n, day, year)`: a day past the month's end rolls over. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMidnight(to).getTime() - toUtcMidnight(from).getTime()) / DAY_MS);
}

/** `DD/MM/YYYY`, the client area's date format. */
export function displayDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
