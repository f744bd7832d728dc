const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface Window {
  days: Set<number>;
  from: number;
  to: number;
}

/**
 * When staff take chats: `always`, or comma-separated `days hh:mm-hh:mm` rules such as
 * `mon-fri 08:00-20:00, sat 08:00-14:00`, read in a time zone (Asia/Jakarta by default).
 */
export class SupportHours {
  private constructor(
    private readonly windows: Window[] | 'always',
    private readonly timeZone: string,
    readonly text: string,
  ) {}

  static parse(text: string, timeZone: string): SupportHours {
    const trimmed = text.trim().toLowerCase();
    if (trimmed === 'always') return new SupportHours('always', timeZone, text);
    const windows = trimmed.split(',').map((rule) => parseRule(rule.trim()));
    return new SupportHours(windows, timeZone, text);
  }

  isOpen(at: Date): boolean {
    if (this.windows === 'always') return true;
    const { day, minutes } = localTime(at, this.timeZone);
    return this.windows.some((w) => w.days.has(day) && minutes >= w.from && minutes < w.to);
  }
}

function parseRule(rule: string): Window {
  const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(rule);
  if (!match) throw new Error(`SUPPORT_HOURS: cannot read "${rule}" (e.g. "mon-fri 08:00-20:00")`);
  const [, first, last, fromH, fromM, toH, toM] = match;
  const start = dayIndex(first ?? '');
  const end = dayIndex(last ?? first ?? '');
  const days = new Set<number>();
  for (let d = start; ; d = (d + 1) % 7) {
    days.add(d);
    if (d === end) break;
  }
  return { days, from: Number(fromH) * 60 + Number(fromM), to: Number(toH) * 60 + Number(toM) };
}

function dayIndex(name: string): number {
  const index = DAYS.indexOf(name as (typeof DAYS)[number]);
  if (index < 0) throw new Error(`SUPPORT_HOURS: unknown day "${name}"`);
  return index;
}

function localTime(at: Date, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: dayIndex(part('weekday').toLowerCase()),
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}
