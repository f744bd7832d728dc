import type { Deployment } from './benchEnvironment.js';

export const CONCURRENCIES = [1, 32] as const;
/** Clients lent to upgrade conversations: the highest concurrency plus room for cancellations. */
export const UPGRADE_CLIENTS = 64;
export type Concurrency = (typeof CONCURRENCIES)[number];

export interface BenchPlan {
  scale: number;
  rounds: number;
  /** Anonymous conversations per round, per deployment; the echo bot runs SQLite's count. */
  perRound: Record<Deployment, Record<Concurrency, number>>;
  /** Upgrade conversations over all rounds. */
  upgrades: Record<Deployment, Record<Concurrency, number>>;
  /** Anonymous and upgrade conversations before any timing, per deployment. */
  warmup: Record<Deployment, { anonymous: number; upgrades: number }>;
  /** Upgrade conversations stopped at the confirmation, to size the state of a flow in progress. */
  unconfirmedUpgrades: number;
  rssConversations: number;
  roundMaxMs: number;
  rssMaxMs: number;
}

/**
 * Counts scale with BENCH_SCALE (default 1); every phase also stops at its time limit. The
 * PostgreSQL deployments run fewer conversations (their turns are slower, and the whole bench
 * should stay within a few minutes on two cores); turns/s and percentiles do not depend on counts.
 */
export function benchPlan(env: NodeJS.ProcessEnv): BenchPlan {
  const parsed = Number(env.BENCH_SCALE ?? '1');
  const scale = Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const perDeployment = <T>(sqlite: T, postgres: T): Record<Deployment, T> => ({
    sqlite,
    postgres,
    replicas: postgres,
  });
  return {
    scale,
    rounds: 3,
    perRound: perDeployment({ 1: n(150), 32: n(600) }, { 1: n(60), 32: n(240) }),
    upgrades: perDeployment({ 1: n(60), 32: n(300) }, { 1: n(30), 32: n(150) }),
    warmup: perDeployment(
      { anonymous: n(200), upgrades: n(32) },
      { anonymous: n(100), upgrades: n(16) },
    ),
    unconfirmedUpgrades: n(20),
    rssConversations: n(10_000),
    roundMaxMs: 10_000,
    rssMaxMs: 60_000,
  };
}
