import { createActor, fromPromise, waitFor, type Snapshot, type SnapshotFrom } from 'xstate';
import type { UpgradeQuote, UpgradeRequest } from '../../clientzone/types.js';
import type { UserEvent } from '../../machines/conversationTypes.js';
import {
  upgradeMachine,
  type LoadAccountOutput,
  type PendingInvoiceInput,
  type PlaceUpgradeInput,
  type UpgradeEmitted,
} from '../../machines/upgradeMachine.js';
import type { InvoiceRef, UpgradeInput, UpgradeResult } from '../../machines/upgradeTypes.js';
import { CATALOGUE, INPUT, oxService, quote } from './upgradeFixtures.js';

/** What a fake actor does when it is invoked: resolve with an output, reject, or never answer. */
export type Outcome = { output: unknown } | { error: unknown } | 'hang';

export type ActorName = 'loadAccount' | 'quoteUpgrade' | 'findPendingInvoice' | 'placeUpgrade';

/** Fake Clientzone effects that answer from per-actor queues (or a default) and record their inputs. */
export class FakeEffects {
  readonly calls: { actor: ActorName; input: unknown }[] = [];
  private readonly queues: Record<ActorName, Outcome[]> = {
    loadAccount: [],
    quoteUpgrade: [],
    findPendingInvoice: [],
    placeUpgrade: [],
  };
  defaults: Record<ActorName, Outcome> = {
    loadAccount: { output: { services: [oxService()], catalogue: CATALOGUE } },
    quoteUpgrade: { output: quote() },
    findPendingInvoice: { output: null },
    placeUpgrade: {
      output: {
        invoice: { id: 8001, total: 125000, dueDate: '2026-11-26', status: 'Unpaid' },
        orderNumber: '1234567890',
        adopted: false,
      } satisfies UpgradeResult,
    },
  };

  queue(actor: ActorName, ...outcomes: Outcome[]): this {
    this.queues[actor].push(...outcomes);
    return this;
  }

  callsOf(actor: ActorName): unknown[] {
    return this.calls.filter((c) => c.actor === actor).map((c) => c.input);
  }

  machine() {
    const run = <T, I>(actor: ActorName) =>
      fromPromise<T, I>(({ input }) => {
        this.calls.push({ actor, input });
        const outcome = this.queues[actor].shift() ?? this.defaults[actor];
        if (outcome === 'hang') return new Promise<T>(() => undefined);
        if ('error' in outcome) return Promise.reject(outcome.error);
        return Promise.resolve(outcome.output as T);
      });
    return upgradeMachine.provide({
      actors: {
        loadAccount: run<LoadAccountOutput, { clientId: number; productGroupId: number }>(
          'loadAccount',
        ),
        quoteUpgrade: run<UpgradeQuote, UpgradeRequest>('quoteUpgrade'),
        findPendingInvoice: run<InvoiceRef | null, PendingInvoiceInput>('findPendingInvoice'),
        placeUpgrade: run<UpgradeResult, PlaceUpgradeInput>('placeUpgrade'),
      },
    });
  }
}

export type UpgradeSnapshot = SnapshotFrom<typeof upgradeMachine>;

/** Drives the upgrade machine as the dialog does: one event, wait until not busy, collect replies. */
export class UpgradeDriver {
  readonly replies: UpgradeEmitted[] = [];
  private readonly actor;

  constructor(
    readonly effects: FakeEffects = new FakeEffects(),
    input: Partial<UpgradeInput> = {},
    snapshot?: unknown,
  ) {
    const machine = effects.machine();
    this.actor = snapshot
      ? createActor(machine, { snapshot: snapshot as Snapshot<unknown>, input: INPUT })
      : createActor(machine, { input: { ...INPUT, ...input } });
    this.actor.on('bot.reply', (event) => this.replies.push(event));
    this.actor.subscribe({ error: () => undefined });
  }

  async start(): Promise<UpgradeSnapshot> {
    this.actor.start();
    return this.settle();
  }

  async send(event: UserEvent): Promise<UpgradeSnapshot> {
    this.replies.length = 0;
    this.actor.send(event);
    return this.settle();
  }

  get snapshot(): UpgradeSnapshot {
    return this.actor.getSnapshot();
  }

  replyKeys(): string[] {
    return this.replies.map((r) => r.reply.key);
  }

  persisted(): unknown {
    return JSON.parse(JSON.stringify(this.actor.getPersistedSnapshot()));
  }

  stop(): void {
    this.actor.stop();
  }

  private settle(): Promise<UpgradeSnapshot> {
    return waitFor(this.actor, (s) => s.status !== 'active' || !s.hasTag('busy'), {
      timeout: 5000,
    });
  }
}

export function requestOf(input: unknown): UpgradeRequest {
  return input as UpgradeRequest;
}
