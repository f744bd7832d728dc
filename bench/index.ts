import { benchPlan, UPGRADE_CLIENTS, type BenchPlan } from './benchPlan.js';
import { startBenchEnvironment, type BenchEnvironment } from './benchEnvironment.js';
import { measureAt, upgradeLoad, warmUp, type Progress } from './benchPhases.js';
import { printIntro, printResults, type Measurements, type SizeKind } from './benchResults.js';
import { BENCH_CHANNEL_ID } from './loadDriver.js';
import { measureRss } from './memoryPhase.js';
import { persistedSize, type PersistedSize } from './persistedSize.js';
import { sqliteConnectionOf } from '../bot/storage/database.js';
import { ANONYMOUS_PREFIX, UNCONFIRMED_PREFIX, UPGRADE_PREFIX } from './scenarios.js';

/** Seconds each phase took, to show where a run's time goes (also when it crashes). */
class PhaseClock {
  private readonly started = performance.now();
  private lapStarted = this.started;
  private readonly laps: string[] = [];

  lap(name: string): void {
    const now = performance.now();
    this.laps.push(`${name} ${((now - this.lapStarted) / 1000).toFixed(0)} s`);
    this.lapStarted = now;
  }

  toString(): string {
    const total = ((performance.now() - this.started) / 1000).toFixed(0);
    return `${total} s (${this.laps.join(', ')})`;
  }
}

async function main(): Promise<void> {
  const plan = benchPlan(process.env);
  printIntro(plan);
  const clock = new PhaseClock();
  const env = await startBenchEnvironment(UPGRADE_CLIENTS);
  clock.lap('start');
  // Spawned processes and schemas must not outlive an interrupted or crashed bench either.
  const abort = (why: string, error?: unknown) => {
    console.error(`\nbench ${why}: stopping the bots, dropping the schemas`, error ?? '');
    void env.close().finally(() => process.exit(why === 'interrupted' ? 130 : 1));
  };
  process.once('SIGINT', () => abort('interrupted'));
  process.once('SIGTERM', () => abort('interrupted'));
  process.once('uncaughtException', (error) => abort('crashed', error));
  // A bot in this process failing outside a turn (a timer's query) is reported, not fatal here.
  const rejections: string[] = [];
  process.on('unhandledRejection', (reason) => {
    rejections.push(`unhandled rejection after ${clock}: ${String(reason)}`);
  });
  const incidents = () => [...rejections, ...env.incidents()];
  try {
    const measured = await measure(env, plan, clock);
    printResults({ ...measured, incidents: incidents() });
    console.log(`\nbench took ${clock}`);
  } catch (error) {
    for (const incident of incidents()) console.error(`! ${incident.slice(0, 600)}`);
    console.error(`bench failed after ${clock}`);
    throw error;
  } finally {
    await env.close();
  }
}

async function measure(
  env: BenchEnvironment,
  plan: BenchPlan,
  clock: PhaseClock,
): Promise<Omit<Measurements, 'incidents'>> {
  const progress: Progress = { anonymousConversations: 0 };
  await warmUp(env, plan, progress);
  clock.lap('warm-up');
  const at1 = await measureAt(env, plan, progress, 1);
  clock.lap('load @1');
  const at32 = await measureAt(env, plan, progress, 32);
  clock.lap('load @32');
  const load = { 1: at1, 32: at32 };
  for (const deployment of ['sqlite', 'postgres'] as const) {
    const unconfirmed = await upgradeLoad(env, deployment, {
      tag: `${deployment}-`,
      concurrency: 4,
      conversations: plan.unconfirmedUpgrades,
      maxMs: 15_000,
      unconfirmed: true,
    });
    if (unconfirmed.failures > 0) {
      console.log(`! unconfirmed upgrades on ${deployment}: ${unconfirmed.firstFailure}`);
    }
  }
  const db = sqliteConnectionOf(env.app.database);
  const sizes = {
    sqlite: await sizesOf(async (prefix) => persistedSize(db, BENCH_CHANNEL_ID, prefix)),
    postgres: await sizesOf((prefix) => env.postgres.persistedSize(prefix)),
  };
  const poolWaits = env.upgradeClients.waits + env.upgradeClients.cancelFailures;
  // Only the SQLite bot stays for the memory phase: the others would weigh on this process's RSS.
  await env.postgres.close();
  // The sandbox's thread shares this process's RSS; it stands in for a remote Clientzone.
  await env.stopSandbox();
  clock.lap('sizes');
  const memory = await measureRss(env, plan, progress);
  clock.lap('memory');
  return { load, sizes, poolWaits, memory };
}

async function sizesOf(
  sizeOf: (prefix: string) => Promise<PersistedSize>,
): Promise<Record<SizeKind, PersistedSize>> {
  return {
    anonymous: await sizeOf(ANONYMOUS_PREFIX),
    unconfirmed: await sizeOf(UNCONFIRMED_PREFIX),
    upgrade: await sizeOf(UPGRADE_PREFIX),
  };
}

main().catch((error: unknown) => {
  console.error('bench crashed:', error);
  process.exit(1);
});
