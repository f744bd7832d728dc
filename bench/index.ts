import os from 'node:os';
import {
  CONCURRENCIES,
  UPGRADE_CLIENTS,
  benchPlan,
  measureAt,
  measureRss,
  measureUpgrades,
  warmUp,
  type BenchPlan,
  type Concurrency,
  type ConcurrencyResults,
  type MemoryGrowth,
  type Progress,
} from './benchPhases.js';
import { startBenchEnvironment, type BenchEnvironment } from './benchEnvironment.js';
import { BENCH_CHANNEL_ID, percentile } from './loadDriver.js';
import { persistedSize, type PersistedSize } from './persistedSize.js';
import { sqliteConnectionOf } from '../bot/storage/database.js';
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
import {
  ANONYMOUS_PREFIX,
  ANONYMOUS_TEXTS,
  UNCONFIRMED_PREFIX,
  UPGRADE_PREFIX,
  UPGRADE_TEXTS,
} from './scenarios.js';

type SizeKind = 'anonymous' | 'unconfirmed' | 'upgrade';

interface Measurements {
  load: Record<Concurrency, ConcurrencyResults>;
  sizes: Record<SizeKind, PersistedSize>;
  poolWaits: number;
  memory: MemoryGrowth;
}

async function main(): Promise<void> {
  const plan = benchPlan(process.env);
  printIntro(plan);
  const started = performance.now();
  const env = await startBenchEnvironment(UPGRADE_CLIENTS);
  try {
    const measured = await measure(env, plan);
    printResults(measured);
    console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await env.close();
  }
}

async function measure(env: BenchEnvironment, plan: BenchPlan): Promise<Measurements> {
  const progress: Progress = { anonymousConversations: 0 };
  await warmUp(env, plan, progress);
  const load = {
    1: await measureAt(env, plan, progress, 1),
    32: await measureAt(env, plan, progress, 32),
  };
  const unconfirmed = await measureUpgrades(env, 'u-', 4, plan.unconfirmedUpgrades, 15_000, true);
  if (unconfirmed.failures > 0) console.log(`! unconfirmed upgrades: ${unconfirmed.firstFailure}`);
  const db = sqliteConnectionOf(env.app.database);
  const sizes = {
    anonymous: persistedSize(db, BENCH_CHANNEL_ID, ANONYMOUS_PREFIX),
    unconfirmed: persistedSize(db, BENCH_CHANNEL_ID, UNCONFIRMED_PREFIX),
    upgrade: persistedSize(db, BENCH_CHANNEL_ID, UPGRADE_PREFIX),
  };
  const poolWaits = env.upgradeClients.waits + env.upgradeClients.cancelFailures;
  // The sandbox's thread shares this process's RSS; it stands in for a remote Clientzone.
  await env.stopSandbox();
  const memory = await measureRss(env, plan, progress);
  return { load, sizes, poolWaits, memory };
}

function printIntro(plan: BenchPlan): void {
  console.log(
    [
      `oxmail-support-bot bench: BENCH_SCALE=${plan.scale}, Node ${process.version}, ` +
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`,
      'Both bots run in this process on 127.0.0.1 port 0, driven over HTTP keep-alive with',
      'deliveryMode expectReplies; compare figures within one run only. (x) = ratio to echo.',
      '- echo: botbuilder echo bot, CloudAdapter + restify 11 + bodyParser, ConversationState',
      '  on MemoryStorage (a turn counter read, incremented and saved every turn)',
      `- no Clientzone call: anonymous visitor, ${JSON.stringify(ANONYMOUS_TEXTS)},`,
      '  every turn answered with the menu (SQLite state, turn ledger, conversation lock)',
      `- complete upgrade: ${JSON.stringify(UPGRADE_TEXTS)}`,
      '  by a signed-in copy of demo client 1001 (one Active OX Mail Starter); the last reply',
      '  must name the invoice. After each conversation the bench cancels that invoice',
      '  (UpdateInvoice, outside every timed turn) so the Starter can be upgraded again;',
      `  ${UPGRADE_CLIENTS} such clients take turns. The sandbox runs in a worker thread: like a`,
      '  remote Clientzone, its CPU is off the bot event loop.',
      `- ${plan.rounds} rounds per concurrency, each running the three in rotating order, pooled`,
      '',
    ].join('\n'),
  );
}

function printResults(m: Measurements): void {
  const rows: LoadRow[] = CONCURRENCIES.flatMap((c) => {
    const { echo, anonymous, upgrade } = m.load[c];
    return [
      { scenario: 'echo bot (conversation state)', concurrency: c, result: echo, echo },
      { scenario: 'real bot, no Clientzone call', concurrency: c, result: anonymous, echo },
      { scenario: 'real bot, complete upgrade', concurrency: c, result: upgrade, echo },
    ];
  });
  printLoadTable(rows);
  for (const c of CONCURRENCIES) {
    const { upgrade, clientzone } = m.load[c];
    const busy = (activeMs: number) => `${((100 * activeMs) / clientzone.elapsedMs).toFixed(0)}%`;
    console.log(
      `  upgrade @${c}: ${(clientzone.calls / Math.max(1, upgrade.conversations)).toFixed(1)} ` +
        `Clientzone calls per conversation, waited on for ` +
        `${(clientzone.ms / Math.max(1, upgrade.turns)).toFixed(1)} ms per turn on average; ` +
        `busy: bot thread ${busy(clientzone.botActiveMs)}, sandbox thread ` +
        busy(clientzone.sandboxActiveMs),
    );
  }
  if (m.poolWaits > 0)
    console.log(`  ! upgrade clients waited or failed to recycle ${m.poolWaits}x`);
  console.log('');
  printStorageAndMemory(m);
  console.log('');
  printTargets(targetChecks(m));
}

function printStorageAndMemory(m: Measurements): void {
  const cells = (label: string, size: PersistedSize) => {
    const per = (value: number) => bytes(value / Math.max(1, size.conversations));
    return [label, String(size.conversations), per(size.stateBytes), per(size.ledgerBytes)];
  };
  printColumns([
    ['persisted per conversation', 'convs', 'state (bot_state)', 'turn ledger (kept 24 h)'],
    cells('no Clientzone call (3 turns)', m.sizes.anonymous),
    cells('upgrade waiting for "ya" (2 turns)', m.sizes.unconfirmed),
    cells('complete upgrade (3 turns)', m.sizes.upgrade),
  ]);
  const { from, to } = m.memory;
  const heapPer1000 =
    ((to.usage.heapUsed - from.usage.heapUsed) * 1000) /
    Math.max(1, to.conversations - from.conversations);
  // RSS right after the sandbox thread stops still holds its memory, so only the end is shown.
  console.log(
    `\nafter ${to.conversations} no-Clientzone conversations (GC, sandbox thread stopped): ` +
      `RSS ${mebibytes(to.usage.rss)}, heap used ${mebibytes(to.usage.heapUsed)}\n` +
      `heap growth from ${from.conversations} to ${to.conversations} conversations: ` +
      `${(heapPer1000 / 1024).toFixed(1)} KiB per 1000 conversations`,
  );
}

function targetChecks(m: Measurements): TargetCheck[] {
  const tpsRatio = (c: Concurrency, scenario: 'anonymous' | 'upgrade') =>
    turnsPerSecond(m.load[c][scenario]) / turnsPerSecond(m.load[c].echo);
  const p99Ratio = (scenario: 'anonymous' | 'upgrade') =>
    percentile(m.load[32][scenario].latenciesMs, 99) / percentile(m.load[32].echo.latenciesMs, 99);
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
    m.sizes[kind].stateBytes / Math.max(1, m.sizes[kind].conversations);
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

main().catch((error: unknown) => {
  console.error('bench crashed:', error);
  process.exit(1);
});
