import os from 'node:os';
import { DEPLOYMENTS, type Deployment } from './benchEnvironment.js';
import { CONCURRENCIES, UPGRADE_CLIENTS, type BenchPlan, type Concurrency } from './benchPlan.js';
import type { ConcurrencyResults } from './benchPhases.js';
import { percentile } from './loadDriver.js';
import type { MemoryGrowth } from './memoryPhase.js';
import type { PersistedSize } from './persistedSize.js';
import {
  bytes,
  mebibytes,
  printColumns,
  printLoadTable,
  printTargets,
  ratio,
  turnsPerSecond,
  type LoadRow,
  type TargetCheck,
} from './report.js';
import { ANONYMOUS_TEXTS, UPGRADE_TEXTS } from './scenarios.js';

export type SizeKind = 'anonymous' | 'unconfirmed' | 'upgrade';

export interface Measurements {
  load: Record<Concurrency, ConcurrencyResults>;
  sizes: Record<'sqlite' | 'postgres', Record<SizeKind, PersistedSize>>;
  poolWaits: number;
  memory: MemoryGrowth;
  /** Unhandled rejections in this process and bot processes that exited: each one a bug. */
  incidents: string[];
}

const DEPLOYMENT_LABELS: Record<Deployment, string> = {
  sqlite: 'real bot, SQLite',
  postgres: 'real bot, PostgreSQL',
  replicas: '2 processes, PostgreSQL',
};

export function printIntro(plan: BenchPlan): void {
  const { perRound, upgrades } = plan;
  console.log(
    [
      `oxmail-support-bot bench: BENCH_SCALE=${plan.scale}, Node ${process.version}, ` +
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`,
      'The bots listen on 127.0.0.1 port 0, driven over HTTP keep-alive with deliveryMode',
      'expectReplies; compare figures within one run only. (x) = ratio to echo.',
      '- echo: botbuilder echo bot, CloudAdapter + restify 11 + bodyParser, ConversationState',
      '  on MemoryStorage (a turn counter read, incremented and saved every turn)',
      `- no Clientzone call: anonymous visitor, ${JSON.stringify(ANONYMOUS_TEXTS)},`,
      '  every turn answered with the menu (state, turn ledger, conversation lock)',
      `- complete upgrade: ${JSON.stringify(UPGRADE_TEXTS)}`,
      '  by a signed-in copy of demo client 1001 (one Active OX Mail Starter); the last reply',
      '  must name the invoice. After each conversation the bench cancels that invoice',
      '  (UpdateInvoice, outside every timed turn) so the Starter can be upgraded again;',
      `  ${UPGRADE_CLIENTS} such clients take turns. The sandbox runs in a worker thread: like a`,
      '  remote Clientzone, its CPU is off the bot event loop.',
      '- real bot, SQLite / PostgreSQL: the bot in this process, on SQLite in a temp dir or on a',
      '  fresh schema of postgres://127.0.0.1:5432/test (advisory turn lock, default pool of 10)',
      '- 2 processes, PostgreSQL: `node dist/bot/index.js` twice on one more fresh schema; the',
      "  load driver alternates each conversation's turns between the two ports. The processes",
      '  share the CPUs with this one (load driver, sandbox) and with PostgreSQL.',
      `- ${plan.rounds} rounds per concurrency, each running all seven in rotating order, pooled;`,
      `  conversations per round (anonymous) and in all (upgrade) @1/@32: SQLite and echo ` +
        `${perRound.sqlite[1]}/${perRound.sqlite[32]} and ${upgrades.sqlite[1]}/${upgrades.sqlite[32]}, ` +
        `PostgreSQL ${perRound.postgres[1]}/${perRound.postgres[32]} and ` +
        `${upgrades.postgres[1]}/${upgrades.postgres[32]}`,
      '',
    ].join('\n'),
  );
}

export function printResults(m: Measurements): void {
  const rows: LoadRow[] = CONCURRENCIES.flatMap((c) => {
    const { echo, real } = m.load[c];
    return [
      { scenario: 'echo bot (conversation state)', concurrency: c, result: echo, echo },
      ...DEPLOYMENTS.flatMap((deployment) => [
        {
          scenario: `${DEPLOYMENT_LABELS[deployment]}: no Clientzone call`,
          concurrency: c,
          result: real[deployment].anonymous,
          echo,
        },
        {
          scenario: `${DEPLOYMENT_LABELS[deployment]}: complete upgrade`,
          concurrency: c,
          result: real[deployment].upgrade,
          echo,
        },
      ]),
    ];
  });
  printLoadTable(rows);
  printClientzoneLines(m);
  if (m.poolWaits > 0)
    console.log(`  ! upgrade clients waited or failed to recycle ${m.poolWaits}x`);
  for (const incident of m.incidents) console.log(`  ! ${incident.slice(0, 600)}`);
  console.log('');
  printStorageAndMemory(m);
  console.log('');
  printTargets(targetChecks(m));
}

function printClientzoneLines(m: Measurements): void {
  for (const c of CONCURRENCIES) {
    const { real, clientzone } = m.load[c];
    const upgrade = real.sqlite.upgrade;
    const busy = (activeMs: number) => `${((100 * activeMs) / clientzone.elapsedMs).toFixed(0)}%`;
    console.log(
      `  SQLite upgrade @${c}: ` +
        `${(clientzone.calls / Math.max(1, upgrade.conversations)).toFixed(1)} ` +
        `Clientzone calls per conversation, waited on for ` +
        `${(clientzone.ms / Math.max(1, upgrade.turns)).toFixed(1)} ms per turn on average; ` +
        `busy: bot thread ${busy(clientzone.botActiveMs)}, sandbox thread ` +
        busy(clientzone.sandboxActiveMs),
    );
  }
}

function printStorageAndMemory(m: Measurements): void {
  const cells = (label: string, engine: string, size: PersistedSize) => {
    const per = (value: number) => bytes(value / Math.max(1, size.conversations));
    return [label, engine, String(size.conversations), per(size.stateBytes), per(size.ledgerBytes)];
  };
  const kinds: [SizeKind, string][] = [
    ['anonymous', 'no Clientzone call (3 turns)'],
    ['unconfirmed', 'upgrade waiting for "ya" (2 turns)'],
    ['upgrade', 'complete upgrade (3 turns)'],
  ];
  printColumns([
    ['persisted per conversation', 'engine', 'convs', 'state (bot_state)', 'turn ledger (24 h)'],
    ...kinds.flatMap(([kind, label]) => [
      cells(label, 'SQLite', m.sizes.sqlite[kind]),
      cells('', 'PostgreSQL', m.sizes.postgres[kind]),
    ]),
  ]);
  const { from, to } = m.memory;
  const heapPer1000 =
    ((to.usage.heapUsed - from.usage.heapUsed) * 1000) /
    Math.max(1, to.conversations - from.conversations);
  // RSS right after the sandbox thread stops still holds its memory, so only the end is shown.
  console.log(
    `\nafter ${to.conversations} no-Clientzone conversations on SQLite (GC, sandbox thread and ` +
      `PostgreSQL bots stopped): RSS ${mebibytes(to.usage.rss)}, ` +
      `heap used ${mebibytes(to.usage.heapUsed)}\n` +
      `heap growth from ${from.conversations} to ${to.conversations} conversations: ` +
      `${(heapPer1000 / 1024).toFixed(1)} KiB per 1000 conversations`,
  );
}

/** The targets of the SQLite bot (issue A); PostgreSQL has none yet, only figures to compare. */
function targetChecks(m: Measurements): TargetCheck[] {
  const sqlite = (c: Concurrency) => m.load[c].real.sqlite;
  const tpsRatio = (c: Concurrency, scenario: 'anonymous' | 'upgrade') =>
    turnsPerSecond(sqlite(c)[scenario]) / turnsPerSecond(m.load[c].echo);
  const p99Ratio = (scenario: 'anonymous' | 'upgrade') =>
    percentile(sqlite(32)[scenario].latenciesMs, 99) / percentile(m.load[32].echo.latenciesMs, 99);
  const atLeast = (name: string, measured: number, limit: number): TargetCheck => ({
    name,
    measured,
    limit,
    direction: 'min',
    format: ratio,
  });
  const atMost = (name: string, measured: number, limit: number, format = ratio): TargetCheck => ({
    name,
    measured,
    limit,
    direction: 'max',
    format,
  });
  const statePerConversation = (kind: SizeKind) =>
    m.sizes.sqlite[kind].stateBytes / Math.max(1, m.sizes.sqlite[kind].conversations);
  return [
    ...CONCURRENCIES.flatMap((c) => [
      atLeast(`no-Clientzone turns/s vs echo @${c}`, tpsRatio(c, 'anonymous'), 0.8),
      atLeast(`upgrade-conversation turns/s vs echo @${c}`, tpsRatio(c, 'upgrade'), 0.4),
    ]),
    atMost('no-Clientzone p99 vs echo p99 @32', p99Ratio('anonymous'), 1.5),
    atMost('upgrade-conversation p99 vs echo p99 @32', p99Ratio('upgrade'), 1.5),
    ...(['anonymous', 'unconfirmed', 'upgrade'] as const).map((kind) =>
      atMost(`state per conversation: ${kind}`, statePerConversation(kind), 4096, bytes),
    ),
  ];
}
