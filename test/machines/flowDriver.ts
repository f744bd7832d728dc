import { createActor, fromPromise, waitFor, type AnyStateMachine, type Snapshot } from 'xstate';
import type { ChoiceOption, UserEvent } from '../../machines/conversationTypes.js';

/** What a fake actor does when it is invoked: resolve with an output, reject, or never answer. */
export type Outcome = { output: unknown } | { error: unknown } | 'hang';

/** Fake effects for any flow machine: per-actor queues of outcomes (or defaults), inputs recorded. */
export class FakeActors<Name extends string> {
  readonly calls: { actor: Name; input: unknown }[] = [];
  private readonly queues = new Map<Name, Outcome[]>();

  constructor(private readonly defaults: Record<Name, Outcome>) {}

  queue(actor: Name, ...outcomes: Outcome[]): this {
    this.queues.set(actor, [...(this.queues.get(actor) ?? []), ...outcomes]);
    return this;
  }

  callsOf(actor: Name): unknown[] {
    return this.calls.filter((c) => c.actor === actor).map((c) => c.input);
  }

  provide<M extends AnyStateMachine>(machine: M): M {
    const actors = Object.fromEntries(
      (Object.keys(this.defaults) as Name[]).map((name) => [name, this.fake(name)]),
    );
    return machine.provide({ actors }) as M;
  }

  private fake(actor: Name) {
    return fromPromise(({ input }: { input: unknown }) => {
      this.calls.push({ actor, input });
      const outcome = this.queues.get(actor)?.shift() ?? this.defaults[actor];
      if (outcome === 'hang') return new Promise(() => undefined);
      if ('error' in outcome) return Promise.reject(outcome.error);
      return Promise.resolve(outcome.output);
    });
  }
}

export interface Emitted<R> {
  reply: R;
  choices: ChoiceOption[];
}

type FlowSnapshot = Snapshot<unknown> & {
  value: unknown;
  context: Record<string, unknown>;
  output?: { outcome: string };
  hasTag(tag: string): boolean;
};

/** Drives a flow machine as the dialog does: one event, wait until not busy, collect replies. */
export class FlowDriver<R extends { key: string }> {
  readonly replies: Emitted<R>[] = [];
  private readonly actor;

  constructor(machine: AnyStateMachine, input: unknown, snapshot?: unknown) {
    this.actor = snapshot
      ? createActor(machine, { snapshot: snapshot as Snapshot<unknown> })
      : createActor(machine, { input });
    this.actor.on('bot.reply', (event) => this.replies.push(event as unknown as Emitted<R>));
    this.actor.subscribe({ error: () => undefined });
  }

  async start(): Promise<FlowSnapshot> {
    this.actor.start();
    return this.settle();
  }

  async send(event: UserEvent): Promise<FlowSnapshot> {
    this.replies.length = 0;
    this.actor.send(event);
    return this.settle();
  }

  get snapshot(): FlowSnapshot {
    return this.actor.getSnapshot() as FlowSnapshot;
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

  private async settle(): Promise<FlowSnapshot> {
    await waitFor(this.actor, (s) => s.status !== 'active' || !s.hasTag('busy'), { timeout: 5000 });
    return this.snapshot;
  }
}
