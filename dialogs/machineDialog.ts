import type { FlowStage } from '../machines/caseStage.js';
import { randomUUID } from 'node:crypto';
import { ActivityTypes, DeliveryModes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { createActor, waitFor, type Actor, type AnyStateMachine, type Snapshot } from 'xstate';
import type {
  ChoiceOption,
  Expectation,
  FlowOutput,
  UserEvent,
} from '../machines/conversationTypes.js';
import { createFormatters, textsFor, type FlowReply } from './locales/index.js';
import { handbackFlowOf, type HumanRequestHandler } from './humanRequest.js';
import { recognizeInput } from './recognizeInput.js';
import { labelText, renderReply, type RenderContext } from './renderReply.js';
import { turnInfoOf, type Customer } from './turnInfo.js';

/** A flow a MachineDialog can host: a machine with its effects provided, and how to start it. */
export interface FlowDefinition<TOptions> {
  machine: AnyStateMachine;
  version: number;
  /** Where the flow stands, for the staff's case card. */
  stage(state: string, context: unknown): FlowStage;
  createInput(options: TOptions, customer: Customer, context: TurnContext): unknown;
}

export interface MachineDialogSettings {
  clientzoneUrl: string;
  /** "Talk to a person" inside a flow: the flow waits where it stands until hand-back. */
  onHumanRequested: HumanRequestHandler;
  /** Upper bound for one turn's work; longer than the machine's own API timeouts. */
  turnTimeoutMs: number;
  logger?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

interface MachineDialogState {
  version: number;
  flowId: string;
  clientId: number;
  snapshot: Snapshot<unknown>;
}

type Emitted = { type: 'bot.reply'; reply: FlowReply; choices: ChoiceOption[] };
type FlowSnapshot = {
  status: string;
  output?: unknown;
  context: { prompt?: { expects: Expectation } | null };
  hasTag(tag: string): boolean;
};
type FlowActor = Actor<AnyStateMachine>;

/**
 * Hosts an XState flow machine as a botbuilder dialog: restore the snapshot, send the event the
 * activity means, wait for the machine to settle, render its replies, persist or end. No actor
 * lives between turns.
 */
export class MachineDialog<TOptions extends object = object> extends Dialog<TOptions> {
  constructor(
    dialogId: string,
    private readonly flow: FlowDefinition<TOptions>,
    private readonly settings: MachineDialogSettings,
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options?: TOptions): Promise<DialogTurnResult> {
    const customer = turnInfoOf(dc.context).customer;
    if (!customer) throw new Error(`${this.id} needs a signed-in customer`);
    const flowId = randomUUID().replace(/-/g, '').slice(0, 12);
    const input = this.flow.createInput(options ?? ({} as TOptions), customer, dc.context);
    const actor = createActor(this.flow.machine, { input });
    const state = { version: this.flow.version, flowId, clientId: customer.clientId };
    return this.runTurn(dc, actor, state, null);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const handback = handbackFlowOf(dc.context.activity);
    if (dc.context.activity.type !== ActivityTypes.Message && !handback) return Dialog.EndOfTurn;
    const state = dc.activeDialog?.state as MachineDialogState | undefined;
    if (!state || state.version !== this.flow.version) return this.reset(dc);
    if (handback) return this.resume(dc);
    const actor = createActor(this.flow.machine, { snapshot: state.snapshot });
    const prompt = (state.snapshot as unknown as FlowSnapshot).context?.prompt ?? null;
    const rc = this.renderContext(dc, state.flowId);
    const event = recognizeInput(dc.context.activity, prompt?.expects ?? null, state.flowId, (c) =>
      labelText(c.label, rc),
    );
    if (event.type === 'user.stale') return this.replyStale(dc, rc, prompt);
    if (event.type === 'user.human') {
      await this.settings.onHumanRequested(dc.context, {
        reason: 'asked',
        stage: this.stageOf(state.snapshot),
      });
      return Dialog.EndOfTurn;
    }
    if (!this.mayAct(dc, state, event)) {
      await dc.context.sendActivity(rc.texts.common.signInRequired);
      return Dialog.EndOfTurn;
    }
    return this.runTurn(dc, actor, state, event);
  }

  private async runTurn(
    dc: DialogContext,
    actor: FlowActor,
    state: Omit<MachineDialogState, 'snapshot'>,
    event: UserEvent | null,
  ): Promise<DialogTurnResult> {
    const emitted: Emitted[] = [];
    let failure: unknown = null;
    actor.on('bot.reply', (e) => emitted.push(e as unknown as Emitted));
    // Subscribe to errors before start(): an unobserved actor error is rethrown as uncaught.
    actor.subscribe({ error: (error) => (failure = error) });
    try {
      actor.start();
      if (event) actor.send(event);
      const settled = await this.settle(dc, actor);
      if (!settled) {
        await dc.context.sendActivity(
          textsFor(turnInfoOf(dc.context).language).common.stillWorking,
        );
        return Dialog.EndOfTurn;
      }
      const snapshot = actor.getSnapshot() as unknown as FlowSnapshot;
      if (snapshot.status === 'error' || failure) return this.fail(dc, failure ?? snapshot);
      await this.sendReplies(dc, emitted, state.flowId);
      if (snapshot.status === 'done') return dc.endDialog(snapshot.output as FlowOutput);
      if (dc.activeDialog) {
        dc.activeDialog.state = { ...state, snapshot: actor.getPersistedSnapshot() };
      }
      return Dialog.EndOfTurn;
    } finally {
      actor.stop();
    }
  }

  /** Waits until no invoked actor runs; false when the turn's time budget ran out first. */
  private async settle(dc: DialogContext, actor: FlowActor): Promise<boolean> {
    const isSettled = (s: unknown) => {
      const snapshot = s as FlowSnapshot;
      return snapshot.status !== 'active' || !snapshot.hasTag('busy');
    };
    if (isSettled(actor.getSnapshot())) return true;
    if (dc.context.activity.deliveryMode !== DeliveryModes.ExpectReplies) {
      await dc.context.sendActivity({ type: ActivityTypes.Typing });
    }
    try {
      await waitFor(actor, isSettled, { timeout: this.settings.turnTimeoutMs });
      return true;
    } catch (error) {
      if (actor.getSnapshot().status === 'error') return true;
      this.settings.logger?.warn({ dialog: this.id, err: String(error) }, 'flow turn timed out');
      return false;
    }
  }

  private async sendReplies(dc: DialogContext, emitted: Emitted[], flowId: string): Promise<void> {
    if (emitted.length === 0) return;
    const rc = this.renderContext(dc, flowId);
    await dc.context.sendActivities(emitted.map((e) => renderReply(e.reply, e.choices, rc)));
  }

  /** Asks the flow's pending question again (the customer is back from a person or the queue). */
  async resume(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog?.state as MachineDialogState | undefined;
    if (!state || state.version !== this.flow.version) return this.reset(dc);
    const actor = createActor(this.flow.machine, { snapshot: state.snapshot });
    return this.runTurn(dc, actor, state, { type: 'staff.handback' });
  }

  /** The case-card stage of a persisted snapshot. */
  stageOf(snapshot: Snapshot<unknown>): FlowStage {
    const { value, context } = snapshot as unknown as { value: unknown; context: unknown };
    return this.flow.stage(String(value), context);
  }

  private mayAct(dc: DialogContext, state: MachineDialogState, event: UserEvent): boolean {
    if (event.type === 'user.cancel' || event.type === 'user.human') return true;
    return turnInfoOf(dc.context).customer?.clientId === state.clientId;
  }

  private async replyStale(
    dc: DialogContext,
    rc: RenderContext,
    prompt: { expects: Expectation } | null,
  ): Promise<DialogTurnResult> {
    await dc.context.sendActivity(rc.texts.common.staleButton);
    const state = dc.activeDialog?.state as MachineDialogState;
    const last = (state.snapshot as unknown as { context: { prompt?: { reply: FlowReply } } })
      .context.prompt;
    if (last && prompt)
      await dc.context.sendActivity(renderReply(last.reply, prompt.expects.choices, rc));
    return Dialog.EndOfTurn;
  }

  private async reset(dc: DialogContext): Promise<DialogTurnResult> {
    const texts = textsFor(turnInfoOf(dc.context).language);
    await dc.context.sendActivity(texts.common.flowReset);
    return dc.endDialog({ outcome: 'cancelled' } satisfies FlowOutput);
  }

  private async fail(dc: DialogContext, error: unknown): Promise<DialogTurnResult> {
    this.settings.logger?.error({ dialog: this.id, err: String(error) }, 'flow machine failed');
    const texts = textsFor(turnInfoOf(dc.context).language);
    await dc.context.sendActivity(texts.common.somethingWentWrong);
    return dc.endDialog({ outcome: 'cancelled' } satisfies FlowOutput);
  }

  private renderContext(dc: DialogContext, flowId: string): RenderContext {
    const texts = textsFor(turnInfoOf(dc.context).language);
    return {
      texts,
      formatters: createFormatters(texts, this.settings.clientzoneUrl),
      channelId: dc.context.activity.channelId,
      flowId,
    };
  }
}
