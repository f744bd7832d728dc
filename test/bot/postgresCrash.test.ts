import { expect } from 'chai';
import { ProcessKiller, seededRandom, type KillMode } from '../support/crashingCustomer.js';
import {
  ReplicaCustomer,
  startReplicaCluster,
  upgradeInvoicesOf,
  type ReplicaCluster,
} from '../support/replicaCluster.js';
import type { CopiedClient } from '../support/sandboxCopies.js';

const MIN_KILLS = 20;
/** Typically 25-35 s; a loaded machine (each restart loads the bot anew) may take longer. */
const TIME_LIMIT_MS = 100_000;
const STEPS: readonly string[] = ['upgrade paket', '1', 'ya'];
const CONFIRM_STEP = 2;

interface Conversation {
  clientId: number;
  serviceId: number;
  plan: KillMode[];
  /** What the bot answered to the confirmation, after any retries. */
  confirmReplies: string[];
}

/** One kill in most conversations, two in some; a third of them kill while placing. */
function killPlan(random: () => number): KillMode[] {
  const plan: KillMode[] = STEPS.map(() => 'none');
  if (random() < 0.35) plan[CONFIRM_STEP] = 'in-flight';
  else plan[Math.floor(random() * STEPS.length)] = 'random';
  const extra = Math.floor(random() * STEPS.length);
  if (random() < 0.4 && plan[extra] === 'none') plan[extra] = 'random';
  return plan;
}

/** The customer's upgrade, step after step on alternating processes, killed as planned. */
async function converse(
  cluster: ReplicaCluster,
  killer: ProcessKiller,
  customer: ReplicaCustomer,
  client: CopiedClient,
  plan: KillMode[],
): Promise<Conversation> {
  const conversation: Conversation = { ...client, plan, confirmReplies: [] };
  const first = client.clientId % 2;
  for (const [step, text] of STEPS.entries()) {
    const target = cluster.replicas[(first + step) % 2]!;
    const id = `${customer.conversationId}-${step}`;
    const delivery = await killer.step(customer, client.serviceId, target, [id, text], plan[step]!);
    if (step === CONFIRM_STEP) conversation.confirmReplies = delivery.texts;
  }
  await cluster.admin.clearFaults();
  return conversation;
}

describe('crash safety of two bot processes on one PostgreSQL', function () {
  this.timeout(TIME_LIMIT_MS + 30_000);
  let cluster: ReplicaCluster;

  before(async function () {
    cluster = await startReplicaCluster(40);
  });

  after(async function () {
    await cluster?.close();
  });

  it(`when bot processes are SIGKILLed at random points of upgrades ${MIN_KILLS}+ times, then each confirmed upgrade exists once and its customer was told the invoice`, async function () {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    const killer = new ProcessKiller(cluster, random);
    const started = Date.now();
    const conversations: Conversation[] = [];

    for (const [index, client] of cluster.clients.entries()) {
      if (killer.kills >= MIN_KILLS) break;
      expect(Date.now() - started, `only ${killer.kills} kills in time`).to.be.below(TIME_LIMIT_MS);
      const customer = new ReplicaCustomer(client.clientId, `crash-${seed}-${index}`);
      conversations.push(await converse(cluster, killer, customer, client, killPlan(random)));
    }
    await killer.bothRunning();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `      crash loop: seed ${seed}, ${killer.kills} kills, ` +
        `${conversations.length} conversations, ${seconds.toFixed(1)} s`,
    );

    const records = await cluster.admin.records();
    const unused = cluster.clients.slice(conversations.length);
    expect(unused.flatMap((client) => upgradeInvoicesOf(records, client.serviceId))).to.deep.equal(
      [],
    );
    for (const conversation of conversations) {
      const context = `seed ${seed}, client ${conversation.clientId}, plan ${conversation.plan}`;
      const invoices = upgradeInvoicesOf(records, conversation.serviceId);
      expect(invoices, context).to.have.length(1);
      expect(conversation.confirmReplies.join('\n'), context).to.match(
        new RegExp(`#${invoices[0]}\\b`),
      );
    }
    expect(killer.kills).to.be.at.least(MIN_KILLS);
  });
});
