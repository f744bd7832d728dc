import type { Activity, TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { errorCodeOf } from '../../clientzone/appError.js';
import {
  handoffChoiceOf,
  queuedActivity,
  unavailableActivity,
} from '../../dialogs/handoffActivities.js';
import type { HumanRequest } from '../../dialogs/humanRequest.js';
import { textsFor, type Texts } from '../../dialogs/locales/index.js';
import { recognizeCommand } from '../../dialogs/nlu/commands.js';
import { recognizeYesNo } from '../../dialogs/nlu/yesNo.js';
import { turnInfoOf } from '../../dialogs/turnInfo.js';
import type { FlowStage } from '../../machines/caseStage.js';
import type { HandoffRecord } from './handoffStore.js';
import type { HandoffCore } from './handoffCore.js';
import type { CustomerMessenger } from './customerMessenger.js';
import type { ExternalHandoff } from './externalHandoff.js';
import type { MessageTickets } from './messageTickets.js';
import type { SupportHours } from './supportHours.js';

/** Whether the bot may answer this turn, and the ownership version its replies are fenced by. */
export interface TurnGate {
  handled: boolean;
  version: number;
  /** What the dialogs do once the customer is back with the bot: ask the paused flow's question again, or drop it. */
  then?: 'resume' | 'reset';
}

const GATE_KEY = Symbol('oxmail.handoffGate');

export interface HandoffServiceDeps {
  core: HandoffCore;
  messenger: CustomerMessenger;
  hours: SupportHours;
  waitTimeoutMs: number;
  tickets: MessageTickets;
  /** Set when HANDOFF_MODE=external: an agent hub instead of the built-in queue. */
  external: ExternalHandoff | null;
}

/** The customer's side of the handoff: asking for a person, waiting, leaving a message. */
export class HandoffService {
  constructor(private readonly deps: HandoffServiceDeps) {}

  /** The dialogs' "talk to a person": queue when someone can answer, else offer a message. */
  requestHuman = async (context: TurnContext, request: HumanRequest): Promise<void> => {
    if (this.deps.external)
      return this.deps.external.initiate(context, request, this.gate(context));
    const { activity } = context;
    const info = turnInfoOf(context);
    const texts = textsFor(info.language);
    const open = this.deps.hours.isOpen(this.deps.core.deps.now());
    const staffAvailable = open && (await this.deps.core.onlineStaff()) > 0;
    const changed = await this.deps.core.change(
      activity.conversation.id,
      activity.channelId,
      {
        type: 'customer.requested',
        reason: request.reason,
        at: this.deps.core.deps.now().toISOString(),
        staffAvailable,
      },
      {
        customer: customerInfo(context),
        reason: request.reason,
        stage: request.stage,
        language: info.language,
      },
    );
    if (!changed) return;
    this.gate(context).version = changed.after.version;
    await this.deps.messenger.logEvent(activity.conversation.id, {
      state: staffAvailable ? 'queued' : 'unavailable',
      reason: request.reason,
    });
    if (!staffAvailable) {
      await context.sendActivity(
        unavailableActivity(
          texts,
          activity.channelId,
          open ? 'noStaff' : 'hours',
          this.deps.hours.text,
        ),
      );
      return;
    }
    const position = (await this.deps.core.position(activity.conversation.id)) ?? 1;
    const eta = await this.deps.core.estimateMinutes(position);
    await this.deps.core.deps.store.touch(
      activity.conversation.id,
      activity.channelId,
      { toldPosition: position },
      this.deps.core.now(),
    );
    await context.sendActivity(queuedActivity(texts, activity.channelId, position, eta));
    await this.deps.core.publishQueue();
  };

  /** Routes an inbound activity by who owns the conversation; the bot answers only when `handled` is false. */
  async beforeTurn(context: TurnContext): Promise<TurnGate> {
    const record = await this.deps.core.get(context.activity.conversation.id);
    const gate: TurnGate = { handled: false, version: record?.version ?? 0 };
    context.turnState.set(GATE_KEY, gate);
    if (this.deps.external && (await this.deps.external.onStatus(context, gate))) {
      gate.handled = true;
      return gate;
    }
    if (!record || record.state === 'bot') return gate;
    if (context.activity.type === ActivityTypes.Typing) {
      this.deps.core.deps.events.publish({
        type: 'typing',
        data: { conversationId: record.conversationId, from: 'customer' },
      });
      gate.handled = true;
      return gate;
    }
    gate.handled = await this.routeOwned(context, record);
    return gate;
  }

  gate(context: TurnContext): TurnGate {
    let gate = context.turnState.get(GATE_KEY) as TurnGate | undefined;
    if (!gate) {
      gate = { handled: false, version: 0 };
      context.turnState.set(GATE_KEY, gate);
    }
    return gate;
  }

  /** True when a bot reply computed under `version` may still be sent. */
  async mayStillAnswer(conversationId: string, version: number): Promise<boolean> {
    const record = await this.deps.core.get(conversationId);
    return (record?.version ?? 0) === version;
  }

  /** Logs the turn and keeps the case card of the conversation current. */
  async afterTurn(
    context: TurnContext,
    replies: Partial<Activity>[],
    stage: FlowStage | null | undefined,
  ): Promise<void> {
    const { activity } = context;
    const conversationId = activity.conversation.id;
    const now = this.deps.core.deps.now();
    if (activity.type === ActivityTypes.Message) {
      const inbound: Partial<Activity> = { ...activity, channelData: undefined, timestamp: now };
      await this.deps.messenger.log(conversationId, [inbound], 'customer');
    }
    const sent = replies.map((r) => ({ ...r, timestamp: now }));
    await this.deps.messenger.log(conversationId, sent, { role: 'bot' });
    if (activity.type !== ActivityTypes.Message && stage === undefined) return;
    const customer = customerInfo(context);
    const patch = stage === undefined ? { customer } : { customer, stage };
    await this.deps.core.deps.store.touch(conversationId, activity.channelId, patch, now.getTime());
  }

  private async routeOwned(context: TurnContext, record: HandoffRecord): Promise<boolean> {
    const texts = textsFor(record.info.language);
    const { activity } = context;
    const choice = handoffChoiceOf(activity.value);
    const command = recognizeCommand(activity.text ?? '');
    switch (record.state) {
      case 'queued':
        if (choice === 'cancel' || command === 'cancel') await this.leaveQueue(context, texts);
        return true;
      case 'withStaff':
        return true;
      case 'offeringMessage':
        return this.answerOffer(context, record, texts, choice ?? yesNoChoice(activity.text));
      case 'takingMessage':
        if (command === 'cancel') await this.leaveQueue(context, texts);
        else await this.deps.tickets.file(context, record, texts, this.gate(context));
        return true;
      case 'closed':
        await this.apply(context, { type: 'customer.spoke' });
        this.gate(context).then = 'reset';
        return false;
      default:
        return false;
    }
  }

  private async answerOffer(
    context: TurnContext,
    record: HandoffRecord,
    texts: Texts,
    choice: 'leave-message' | 'no-message' | 'cancel' | null,
  ): Promise<boolean> {
    if (choice === 'leave-message' && !record.info.customer) {
      await context.sendActivity(texts.common.handoff.guestCannotLeaveMessage);
      choice = 'no-message';
    }
    if (choice === 'leave-message') {
      await this.apply(context, { type: 'customer.wantsToLeaveMessage' });
      await context.sendActivity(texts.common.handoff.leaveMessagePrompt);
      return true;
    }
    if (choice === 'no-message' || choice === 'cancel') {
      await this.apply(context, { type: 'customer.declinedMessage' });
      await context.sendActivity(texts.common.handoff.cancelled);
      this.gate(context).then = 'resume';
      return true;
    }
    await context.sendActivity(
      unavailableActivity(texts, context.activity.channelId, 'timeout', this.deps.hours.text),
    );
    return true;
  }

  private async leaveQueue(context: TurnContext, texts: Texts): Promise<void> {
    await this.apply(context, { type: 'customer.cancelled' });
    await context.sendActivity(texts.common.handoff.cancelled);
    this.gate(context).then = 'resume';
    await this.deps.core.publishQueue();
  }

  private async apply(
    context: TurnContext,
    event: Parameters<HandoffCore['change']>[2],
  ): Promise<void> {
    const changed = await this.deps.core.change(
      context.activity.conversation.id,
      context.activity.channelId,
      event,
    );
    if (changed) this.gate(context).version = changed.after.version;
  }

  /** Queue timeouts and position updates; runs on a timer and from tests. */
  async tick(): Promise<void> {
    const now = this.deps.core.now();
    const queue = await this.deps.core.queue();
    for (const [index, record] of queue.entries()) {
      try {
        if (record.queuedAt !== null && now - record.queuedAt > this.deps.waitTimeoutMs)
          await this.timeOut(record);
        else await this.tellPosition(record, index + 1);
      } catch (error) {
        this.deps.core.deps.logger.warn(
          { conversationId: record.conversationId, code: errorCodeOf(error) },
          'queue update failed',
        );
      }
    }
  }

  private async timeOut(record: HandoffRecord): Promise<void> {
    const changed = await this.deps.core.change(record.conversationId, record.channelId, {
      type: 'queue.timedOut',
    });
    if (!changed) return;
    const texts = textsFor(record.info.language);
    await this.deps.messenger.send(
      record.conversationId,
      [unavailableActivity(texts, record.channelId, 'timeout', this.deps.hours.text)],
      { role: 'bot' },
    );
    await this.deps.core.publishQueue();
  }

  private async tellPosition(record: HandoffRecord, position: number): Promise<void> {
    if (record.info.toldPosition === position) return;
    const texts = textsFor(record.info.language);
    const eta = await this.deps.core.estimateMinutes(position);
    await this.deps.core.deps.store.touch(
      record.conversationId,
      record.channelId,
      { toldPosition: position },
      this.deps.core.now(),
    );
    await this.deps.messenger.send(
      record.conversationId,
      [{ type: 'message', text: texts.common.handoff.queueUpdate(position, eta) }],
      { role: 'bot' },
    );
  }
}

/** Who the case is about, as the case card shows it. */
export function customerInfo(context: TurnContext): HandoffRecord['info']['customer'] {
  const customer = turnInfoOf(context).customer;
  return customer ? { clientId: customer.clientId, name: customer.name } : null;
}

function yesNoChoice(text: string | undefined): 'leave-message' | 'no-message' | null {
  const yes = recognizeYesNo(text ?? '');
  return yes === null ? null : yes ? 'leave-message' : 'no-message';
}
