import type { RenewalWindow } from './downgradeTypes.js';

const DAY_MS = 86_400_000;

/** Below this many days the renewal invoice may already be issued at the current price. */
export const RECOMMENDED_MIN_DAYS = 15;

function toUtcDays(isoDate: string): number {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

function fromUtcDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar-day arithmetic on `YYYY-MM-DD` dates (both already in Asia/Jakarta). */
export function renewalWindow(today: string, dueDate: string, windowDays: number): RenewalWindow {
  const due = toUtcDays(dueDate);
  return {
    dueDate: dueDate.slice(0, 10),
    daysLeft: due - toUtcDays(today),
    opensOn: fromUtcDays(due - windowDays),
  };
}

export function isTooEarly(window: RenewalWindow, windowDays: number): boolean {
  return window.daysLeft > windowDays;
}

export function isLate(window: RenewalWindow): boolean {
  return window.daysLeft < RECOMMENDED_MIN_DAYS;
}

export function isOverdue(window: RenewalWindow): boolean {
  return window.daysLeft < 0;
}
