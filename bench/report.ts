import { percentile, type LoadResult } from './loadDriver.js';

/** One measured scenario beside the echo bot measured at the same concurrency. */
export interface LoadRow {
  scenario: string;
  concurrency: number;
  result: LoadResult;
  echo: LoadResult;
}

/** A target of the issue: `measured` must be at least (`min`) or at most (`max`) `limit`. */
export interface TargetCheck {
  name: string;
  measured: number;
  limit: number;
  direction: 'min' | 'max';
  format: (value: number) => string;
}

export function turnsPerSecond(result: LoadResult): number {
  return result.elapsedMs > 0 ? result.turns / (result.elapsedMs / 1000) : 0;
}

export const ratio = (value: number) => `${value.toFixed(2)}x`;
export const bytes = (value: number) => `${Math.round(value)} B`;
export const mebibytes = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MiB`;

export function printLoadTable(rows: readonly LoadRow[]): void {
  const header = ['scenario', 'conc', 'convs', 'turns', 'turns/s', 'p50 ms', 'p99 ms'];
  const table = rows.map((row) => {
    const { result, echo } = row;
    const tps = turnsPerSecond(result);
    const p99 = percentile(result.latenciesMs, 99);
    const isEcho = result === echo;
    return [
      row.scenario,
      String(row.concurrency),
      String(result.conversations),
      String(result.turns),
      `${tps.toFixed(0)}${isEcho ? '' : ` (${ratio(tps / turnsPerSecond(echo))})`}`,
      percentile(result.latenciesMs, 50).toFixed(2),
      `${p99.toFixed(2)}${isEcho ? '' : ` (${ratio(p99 / percentile(echo.latenciesMs, 99))})`}`,
    ];
  });
  printColumns([header, ...table]);
  for (const row of rows.filter((r) => r.result.failures > 0)) {
    console.log(
      `  ! ${row.scenario} @${row.concurrency}: ${row.result.failures} failed, first: ${row.result.firstFailure}`,
    );
  }
}

export function printTargets(checks: readonly TargetCheck[]): void {
  const lines = checks.map((check) => {
    const pass =
      check.direction === 'min' ? check.measured >= check.limit : check.measured <= check.limit;
    const limit = `${check.direction === 'min' ? '>=' : '<='} ${check.format(check.limit)}`;
    return [pass ? 'PASS' : 'MISS', check.name, check.format(check.measured), limit];
  });
  printColumns([['', 'target', 'measured', 'wanted'], ...lines]);
}

export function printColumns(lines: readonly string[][]): void {
  const widths = lines[0].map((_, column) =>
    Math.max(...lines.map((line) => (line[column] ?? '').length)),
  );
  for (const line of lines) {
    console.log(
      line
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    );
  }
}
