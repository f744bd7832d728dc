import type { DestinationStream } from 'pino';

const WARN = 40;
const KEPT = 3;
/** Fields every pino line has, which say nothing about the problem. */
const NOISE = ['level', 'time', 'pid', 'hostname', 'service'];

/**
 * Warnings and errors a bot logged (pino level warn and above): counted, the first few kept. A
 * turn that failed inside the bot shows up here with its code, where the load driver only sees
 * the apology.
 */
export class WarningLog {
  private readonly first: string[] = [];
  private count = 0;

  constructor(private readonly source: string) {}

  /** Takes one line of pino JSON; other lines and lines below warn are ignored. */
  addLine(line: string): void {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    if (typeof entry.level !== 'number' || entry.level < WARN) return;
    this.count += 1;
    if (this.first.length >= KEPT) return;
    for (const key of NOISE) delete entry[key];
    this.first.push(JSON.stringify(entry).slice(0, 300));
  }

  /** A destination for a logger of a bot in this process. */
  destination(): DestinationStream {
    return { write: (line: string) => this.addLine(line) };
  }

  /** One line for the report, or null when nothing was logged. */
  summary(): string | null {
    if (this.count === 0) return null;
    return `${this.source} logged ${this.count} warnings or errors; first: ${this.first.join(' | ')}`;
  }
}
