import { memoryUsage } from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchEnvironment } from './benchEnvironment.js';
import { mergeResults, runLoad, type LoadResult } from './loadDriver.js';
import { ANONYMOUS_PREFIX, anonymousScripts, upgradeScripts } from './scenarios.js';

export const CONCURRENCIES = [1, 32] as const;
/** Clients lent to upgrade conversations: the highest concurrency plus room for cancellations. */
export const UPGRADE_CLIENTS = 48;
export type Concurrency = (typeof CONCURRENCIES)[number];

export interface BenchPlan {
  scale: number;
  rounds: number;
  /** Anonymous conversations per round, for the echo bot and the real bot each. */
  perRound: Record<Concurrency, number>;
  /** Upgrade conversations over all rounds. */
  upgrades: Record<Concurrency, number>;
  warmup: number;
  warmupUpgrades: number;
  /** Upgrade conversations stopped at the confirmation, to size the state of a flow in progress. */
  unconfirmedUpgrades: number;
  rssConversations: number;
  roundMaxMs: number;
  rssMaxMs: number;
}

export interface Progress {
  anonymousConversations: number;
}

/** Counts scale with BENCH_SCALE (default 1); every phase also stops at its time limit. */
export function benchPlan(env: NodeJS.ProcessEnv): BenchPlan {
  const parsed = Number(env.BENCH_SCALE ?? '1');
  const scale = Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return {
    scale,
    rounds: 3,
    perRound: { 1: n(150), 32: n(600) },
    upgrades: { 1: n(60), 32: n(300) },
    warmup: n(200),
    warmupUpgrades: n(32),
    unconfirmedUpgrades: n(20),
    rssConversations: n(10_000),
    roundMaxMs: 10_000,
    rssMaxMs: 60_000,
  };
}

/** All three scenarios at one concurrency, pooled over rounds. */
export interface ConcurrencyResults {
  echo: LoadResult;
  anonymous: LoadResult;
  upgrade: LoadResult;
  /** What the bot's Clientzone client measured during the upgrade runs. */
  clientzone: ClientzoneTotals;
}

export interface ClientzoneTotals {
  calls: number;
  ms: number;
  /** Active and total event loop time of the bot's thread and of the sandbox's, in ms. */
  botActiveMs: number;
  sandboxActiveMs: number;
  elapsedMs: number;
}

/** Each round runs all three, in an order that rotates, so drift hits them alike. */
export async function measureAt(
  env: BenchEnvironment,
  plan: BenchPlan,
  progress: Progress,
  concurrency: Concurrency,
): Promise<ConcurrencyResults> {
  const rounds: Record<Scenario, LoadResult[]> = {
    echo: [],
    anonymous: [],
    upgrade: [],
  };
  const perRound = (count: number) => Math.max(1, Math.round(count / plan.rounds));
  const runs: Record<Scenario, (tag: string) => Promise<LoadResult>> = {
    echo: (tag) => anonymousLoad(env.echo.messagesUrl, `echo-${tag}`, concurrency, plan),
    anonymous: (tag) => anonymousLoad(env.realMessagesUrl, tag, concurrency, plan),
    upgrade: (tag) =>
      measureUpgrades(env, tag, concurrency, perRound(plan.upgrades[concurrency]), plan.roundMaxMs),
  };
  const clientzone: ClientzoneTotals = {
    calls: 0,
    ms: 0,
    botActiveMs: 0,
    sandboxActiveMs: 0,
    elapsedMs: 0,
  };
  for (let round = 0; round < plan.rounds; round += 1) {
    for (let i = 0; i < SCENARIOS.length; i += 1) {
      const scenario = SCENARIOS[(round + i) % SCENARIOS.length];
      const before = await clientzoneTotals(env);
      rounds[scenario].push(await runs[scenario](`c${concurrency}r${round}-`));
      if (scenario === 'upgrade') addDifference(clientzone, await clientzoneTotals(env), before);
    }
  }
  progress.anonymousConversations += rounds.anonymous.reduce((n, r) => n + r.conversations, 0);
  return {
    echo: mergeResults(rounds.echo),
    anonymous: mergeResults(rounds.anonymous),
    upgrade: mergeResults(rounds.upgrade),
    clientzone,
  };
}

const SCENARIOS = ['echo', 'anonymous', 'upgrade'] as const;
type Scenario = (typeof SCENARIOS)[number];

/** Calls and time the bot's own Clientzone metrics have counted so far, and both threads' load. */
async function clientzoneTotals(env: BenchEnvironment): Promise<ClientzoneTotals> {
  const { values } = await env.app.metrics.clientzoneDuration.get();
  const sum = (suffix: string) =>
    values.filter((v) => v.metricName?.endsWith(suffix)).reduce((n, v) => n + v.value, 0);
  const bot = performance.eventLoopUtilization();
  return {
    calls: sum('_count'),
    ms: sum('_sum') * 1000,
    botActiveMs: bot.active,
    sandboxActiveMs: env.sandbox.utilization().active,
    elapsedMs: bot.active + bot.idle,
  };
}

function addDifference(total: ClientzoneTotals, after: ClientzoneTotals, before: ClientzoneTotals) {
  for (const key of Object.keys(total) as (keyof ClientzoneTotals)[]) {
    total[key] += after[key] - before[key];
  }
}

function anonymousLoad(url: string, tag: string, concurrency: Concurrency, plan: BenchPlan) {
  return runLoad({
    messagesUrl: url,
    concurrency,
    conversations: plan.perRound[concurrency],
    maxMs: plan.roundMaxMs,
    script: anonymousScripts(`${ANONYMOUS_PREFIX}${tag}`),
  });
}

export function measureUpgrades(
  env: BenchEnvironment,
  tag: string,
  concurrency: number,
  conversations: number,
  maxMs: number,
  unconfirmed = false,
): Promise<LoadResult> {
  return runLoad({
    messagesUrl: env.realMessagesUrl,
    concurrency,
    conversations,
    maxMs,
    script: upgradeScripts(tag, env.upgradeClients, unconfirmed),
  });
}

export async function warmUp(
  env: BenchEnvironment,
  plan: BenchPlan,
  progress: Progress,
): Promise<void> {
  const options = { concurrency: 8, conversations: plan.warmup, maxMs: 15_000 };
  await runLoad({ ...options, messagesUrl: env.echo.messagesUrl, script: anonymousScripts('w-') });
  const real = await runLoad({
    ...options,
    messagesUrl: env.realMessagesUrl,
    script: anonymousScripts(`${ANONYMOUS_PREFIX}w-`),
  });
  progress.anonymousConversations += real.conversations;
  const upgrades = await measureUpgrades(env, 'w-', 4, plan.warmupUpgrades, 15_000);
  if (upgrades.failures > 0) throw new Error(`warm-up upgrade failed: ${upgrades.firstFailure}`);
}

/** A full GC when the runtime allows one (turned on here rather than by a node flag). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as () => void);
  gc();
  gc();
}

/** Memory after GC at two points, both with the sandbox thread stopped. */
export interface MemoryGrowth {
  from: { conversations: number; usage: NodeJS.MemoryUsage };
  to: { conversations: number; usage: NodeJS.MemoryUsage };
}

/** Tops the no-Clientzone conversations up to the plan's count, measuring memory before and after. */
export async function measureRss(
  env: BenchEnvironment,
  plan: BenchPlan,
  progress: Progress,
): Promise<MemoryGrowth> {
  collectGarbage();
  const from = { conversations: progress.anonymousConversations, usage: memoryUsage() };
  const missing = plan.rssConversations - progress.anonymousConversations;
  if (missing > 0) {
    const result = await runLoad({
      messagesUrl: env.realMessagesUrl,
      concurrency: 32,
      conversations: missing,
      maxMs: plan.rssMaxMs,
      script: anonymousScripts(`${ANONYMOUS_PREFIX}rss-`),
    });
    progress.anonymousConversations += result.conversations;
  }
  collectGarbage();
  return { from, to: { conversations: progress.anonymousConversations, usage: memoryUsage() } };
}
