import { DEPLOYMENTS, type BenchEnvironment, type Deployment } from './benchEnvironment.js';
import type { BenchPlan, Concurrency } from './benchPlan.js';
import { mergeResults, runLoad, type LoadResult } from './loadDriver.js';
import { ANONYMOUS_PREFIX, anonymousScripts, upgradeScripts } from './scenarios.js';

export interface Progress {
  /** No-Clientzone conversations the SQLite bot has had (the memory phase counts on them). */
  anonymousConversations: number;
}

/** The real bot's two scenarios on one deployment. */
export interface RealBotResults {
  anonymous: LoadResult;
  upgrade: LoadResult;
}

/** Every scenario at one concurrency, pooled over rounds. */
export interface ConcurrencyResults {
  echo: LoadResult;
  real: Record<Deployment, RealBotResults>;
  /** What the SQLite bot's Clientzone client measured during its upgrade runs. */
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

type Run = { scenario: 'echo' } | { scenario: keyof RealBotResults; deployment: Deployment };

const RUNS: readonly Run[] = [
  { scenario: 'echo' },
  ...DEPLOYMENTS.flatMap((deployment): Run[] => [
    { scenario: 'anonymous', deployment },
    { scenario: 'upgrade', deployment },
  ]),
];

/** Each round runs every scenario, in an order that rotates, so drift hits them alike. */
export async function measureAt(
  env: BenchEnvironment,
  plan: BenchPlan,
  progress: Progress,
  concurrency: Concurrency,
): Promise<ConcurrencyResults> {
  const echo: LoadResult[] = [];
  const real = perDeployment(() => ({
    anonymous: [] as LoadResult[],
    upgrade: [] as LoadResult[],
  }));
  const clientzone: ClientzoneTotals = {
    calls: 0,
    ms: 0,
    botActiveMs: 0,
    sandboxActiveMs: 0,
    elapsedMs: 0,
  };
  for (let round = 0; round < plan.rounds; round += 1) {
    for (let i = 0; i < RUNS.length; i += 1) {
      const run = RUNS[(round + i) % RUNS.length];
      const tag = `c${concurrency}r${round}-`;
      const before = await clientzoneTotals(env);
      const result = await runOnce(env, plan, run, concurrency, tag);
      if (run.scenario === 'echo') echo.push(result);
      else real[run.deployment][run.scenario].push(result);
      if (run.scenario === 'upgrade' && run.deployment === 'sqlite') {
        addDifference(clientzone, await clientzoneTotals(env), before);
      }
    }
  }
  progress.anonymousConversations += mergeResults(real.sqlite.anonymous).conversations;
  return {
    echo: mergeResults(echo),
    real: perDeployment((deployment) => ({
      anonymous: mergeResults(real[deployment].anonymous),
      upgrade: mergeResults(real[deployment].upgrade),
    })),
    clientzone,
  };
}

function perDeployment<T>(make: (deployment: Deployment) => T): Record<Deployment, T> {
  return { sqlite: make('sqlite'), postgres: make('postgres'), replicas: make('replicas') };
}

function runOnce(
  env: BenchEnvironment,
  plan: BenchPlan,
  run: Run,
  concurrency: Concurrency,
  tag: string,
): Promise<LoadResult> {
  const options = { concurrency, maxMs: plan.roundMaxMs };
  if (run.scenario === 'echo') {
    const conversations = plan.perRound.sqlite[concurrency];
    const script = anonymousScripts(`${ANONYMOUS_PREFIX}echo-${tag}`);
    return runLoad({ ...options, messagesUrls: [env.echo.messagesUrl], conversations, script });
  }
  const { deployment } = run;
  const messagesUrls = env.realBots[deployment];
  const prefix = `${deployment}-${tag}`;
  if (run.scenario === 'anonymous') {
    const conversations = plan.perRound[deployment][concurrency];
    const script = anonymousScripts(`${ANONYMOUS_PREFIX}${prefix}`);
    return runLoad({ ...options, messagesUrls, conversations, script });
  }
  const conversations = Math.max(
    1,
    Math.round(plan.upgrades[deployment][concurrency] / plan.rounds),
  );
  return upgradeLoad(env, deployment, { ...options, conversations, tag: prefix });
}

/** Calls and time the SQLite bot's Clientzone metrics have counted so far, and both threads' load. */
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

export interface UpgradeLoadOptions {
  tag: string;
  concurrency: number;
  conversations: number;
  maxMs: number;
  /** Stop at the confirmation, before "ya". */
  unconfirmed?: boolean;
}

export function upgradeLoad(
  env: BenchEnvironment,
  deployment: Deployment,
  options: UpgradeLoadOptions,
): Promise<LoadResult> {
  return runLoad({
    messagesUrls: env.realBots[deployment],
    concurrency: options.concurrency,
    conversations: options.conversations,
    maxMs: options.maxMs,
    script: upgradeScripts(options.tag, env.upgradeClients, options.unconfirmed ?? false),
  });
}

/** The echo bot, then each deployment, before anything is timed. */
export async function warmUp(
  env: BenchEnvironment,
  plan: BenchPlan,
  progress: Progress,
): Promise<void> {
  const options = { concurrency: 8, maxMs: 15_000 };
  await runLoad({
    ...options,
    messagesUrls: [env.echo.messagesUrl],
    conversations: plan.warmup.sqlite.anonymous,
    script: anonymousScripts('w-'),
  });
  for (const deployment of DEPLOYMENTS) {
    const real = await runLoad({
      ...options,
      messagesUrls: env.realBots[deployment],
      conversations: plan.warmup[deployment].anonymous,
      script: anonymousScripts(`${ANONYMOUS_PREFIX}${deployment}-w-`),
    });
    if (deployment === 'sqlite') progress.anonymousConversations += real.conversations;
    const upgrades = await upgradeLoad(env, deployment, {
      tag: `${deployment}-w-`,
      concurrency: 4,
      conversations: plan.warmup[deployment].upgrades,
      maxMs: 15_000,
    });
    if (upgrades.failures > 0 || real.failures > 0) {
      throw new Error(
        `warm-up on ${deployment} failed: ${upgrades.firstFailure ?? real.firstFailure}`,
      );
    }
  }
}
