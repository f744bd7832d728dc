import { setTimeout as sleep } from 'node:timers/promises';
import type { BotProcess } from './botProcess.js';
import type { ReplicaCluster } from './replicaCluster.js';
import { ReplicaCustomer, upgradeInvoicesOf } from './replicaCluster.js';

export type KillMode = 'none' | 'random' | 'in-flight';

/** A step's outcome: the replies the customer finally got, and how many posts it took. */
interface Delivery {
  texts: string[];
  attempts: number;
}

type Settled = { ok: true; texts: string[] } | { ok: false; error: unknown };

const RETRY_DEADLINE_MS = 25_000;

/**
 * Kills bot processes (SIGKILL) at chosen points of a customer's turns and restarts them in the
 * background; the customer retries the same activity id on whichever process answers, as a
 * channel retries a request that got no response.
 */
export class ProcessKiller {
  kills = 0;
  private readonly restarts = new Map<BotProcess, Promise<void>>();

  constructor(
    private readonly cluster: ReplicaCluster,
    private readonly random: () => number,
  ) {}

  /** Posts one customer step to `target`, killing `target` meanwhile as `mode` says. */
  async step(
    customer: ReplicaCustomer,
    serviceId: number,
    target: BotProcess,
    [id, text]: [string, string],
    mode: KillMode,
  ): Promise<Delivery> {
    // The target must be up; before a kill, so must the other, to take the customer's retry.
    await (mode === 'none' ? this.restarts.get(target) : this.bothRunning());
    if (mode === 'in-flight') await this.slowDownPlacing(serviceId);
    const first = settle(customer.send(target.url, id, text));
    if (mode === 'in-flight') await this.untilUpgradeCommitted(serviceId);
    if (mode === 'random') await sleep(Math.floor(this.random() * 60));
    if (mode !== 'none') this.kill(target);
    const outcome = await first;
    if (outcome.ok) return { texts: outcome.texts, attempts: 1 };
    return this.retry(customer, id, text);
  }

  /** Waits for every restart, so both processes are up. */
  async bothRunning(): Promise<void> {
    await Promise.all(this.restarts.values());
  }

  private kill(target: BotProcess): void {
    this.kills += 1;
    const restart = target.stop('SIGKILL').then(() => target.start());
    this.restarts.set(target, restart);
    void restart.then(() => {
      if (this.restarts.get(target) === restart) this.restarts.delete(target);
    });
  }

  private async retry(customer: ReplicaCustomer, id: string, text: string): Promise<Delivery> {
    const deadline = Date.now() + RETRY_DEADLINE_MS;
    for (let attempts = 2; Date.now() < deadline; attempts += 1) {
      const replica =
        this.cluster.replicas.find((r) => !this.restarts.has(r)) ?? this.cluster.replicas[0];
      const outcome = await settle(customer.send(replica.url, id, text));
      if (outcome.ok) return { texts: outcome.texts, attempts };
      await sleep(50);
    }
    throw new Error(`activity ${id} was never answered`);
  }

  /** The next placing call for the service commits, then answers only after 5 s. */
  private async slowDownPlacing(serviceId: number): Promise<void> {
    await this.cluster.admin.fault({
      action: 'upgradeproduct',
      mode: 'slow-after-commit',
      ms: 5000,
      match: { serviceid: String(serviceId), calconly: null },
    });
  }

  private async untilUpgradeCommitted(serviceId: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const records = await this.cluster.admin.records();
      if (upgradeInvoicesOf(records, serviceId).length > 0) return;
      await sleep(10);
    }
    throw new Error(`no upgrade of service ${serviceId} was committed`);
  }
}

function settle(reply: Promise<string[]>): Promise<Settled> {
  return reply.then(
    (texts) => ({ ok: true as const, texts }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** A small seeded generator, so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
