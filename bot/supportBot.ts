import {
  ActivityTypes,
  DeliveryModes,
  type Activity,
  type ConversationState,
  type ResourceResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import {
  DialogSet,
  DialogTurnStatus,
  type DialogContext,
  type DialogState,
} from 'botbuilder-dialogs';
import { isAppError } from '../clientzone/appError.js';
import { textsFor } from '../dialogs/locales/index.js';
import { MAIN_DIALOG_ID, type MainDialog } from '../dialogs/mainDialog.js';
import { setTurnInfo } from '../dialogs/turnInfo.js';
import type { ConversationReferences } from './conversationReferences.js';
import type { CustomerResolver } from './customerResolver.js';
import type { Logger } from './logger.js';
import type { TurnLedger } from './turnLedger.js';
import type { HandoffService } from './handoff/handoffService.js';
import { MachineDialog } from '../dialogs/machineDialog.js';
import { handbackFlowOf } from '../dialogs/humanRequest.js';
import type { FlowStage } from '../machines/caseStage.js';
import type { HandbackFlow } from '../machines/handoffTypes.js';
import type { Snapshot } from 'xstate';

const STAGE_KEY = Symbol('oxmail.flowStage');
import type { TurnLock } from './turnLock.js';

export interface SupportBotDeps {
  conversationState: ConversationState;
  dialogState: StatePropertyAccessor<DialogState>;
  welcomed: StatePropertyAccessor<boolean>;
  dialogs: DialogSet;
  mainDialog: MainDialog;
  customers: CustomerResolver;
  ledger: TurnLedger;
  /** Who owns the conversation (bot or staff); absent in tests of the bot alone. */
  handoff?: HandoffService;
  /** Where proactive messages (reminders, staff) reach the conversation later. */
  references?: ConversationReferences;
  /** Serialises a conversation's turns: in this process, or across replicas on PostgreSQL. */
  lock: TurnLock;
  logger: Logger;
  /** Attempts of one turn when its state write loses to a concurrent writer. */
  maxAttempts?: number;
  onConflict?: () => void;
}

interface ReplyBuffer {
  holding: boolean;
  items: Partial<Activity>[];
}

/**
 * The bot: one turn at a time per conversation, each activity id once, replies released only
 * after the conversation state was saved (a turn that loses an eTag race is redone from fresh state).
 */
export class SupportBot {
  constructor(private readonly deps: SupportBotDeps) {}

  async run(context: TurnContext): Promise<void> {
    const conversationId = context.activity.conversation?.id ?? '';
    await this.deps.lock.run(conversationId, () => this.runOnce(context, conversationId));
  }

  private async runOnce(context: TurnContext, conversationId: string): Promise<void> {
    const activityId = context.activity.id;
    if (activityId) {
      const previous = await this.deps.ledger.previousReplies(conversationId, activityId, context);
      if (previous) return this.replay(context, previous, activityId);
    }
    const buffer = this.holdReplies(context);
    try {
      await this.turnWithRetries(context, conversationId, buffer);
    } catch (error) {
      // What the failed turn said is dropped with its state; onTurnError speaks instead.
      buffer.holding = false;
      buffer.items = [];
      throw error;
    }
    const replies = await this.fenced(context, conversationId, buffer.items);
    buffer.holding = false;
    if (replies.length > 0) await context.sendActivities(replies);
    await this.deps.handoff?.afterTurn(
      context,
      replies,
      context.turnState.get(STAGE_KEY) as FlowStage | null | undefined,
    );
    if (activityId)
      await this.deps.ledger.record(conversationId, activityId, this.replayable(context, replies));
  }

  private async turnWithRetries(
    context: TurnContext,
    conversationId: string,
    buffer: ReplyBuffer,
  ): Promise<void> {
    const maxAttempts = this.deps.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.turn(context);
        const activityId = context.activity.id;
        if (activityId) {
          await this.deps.ledger.stage(context, activityId, this.replayable(context, buffer.items));
        }
        await this.deps.conversationState.saveChanges(context, false);
        return;
      } catch (error) {
        if (!isAppError(error, 'STORAGE_CONFLICT') || attempt >= maxAttempts) throw error;
        this.deps.logger.warn({ conversationId, attempt }, 'state conflict, redoing the turn');
        this.deps.onConflict?.();
        buffer.items = [];
        await this.deps.conversationState.load(context, true);
      }
    }
  }

  private async turn(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.type === ActivityTypes.ConversationUpdate)
      return this.onConversationUpdate(context);
    const handback = handbackFlowOf(activity);
    if (handback) return this.onHandback(context, handback);
    if (activity.type === ActivityTypes.Typing || activity.type === ActivityTypes.Event) {
      return this.onSignal(context);
    }
    if (activity.type !== ActivityTypes.Message) return;
    await this.deps.references?.remember(context);
    const resolved = await this.deps.customers.resolve(context);
    setTurnInfo(context, resolved);
    if (resolved.identityRejected) {
      await context.sendActivity(textsFor(resolved.language).common.identityMismatch);
      return;
    }
    const gate = await this.deps.handoff?.beforeTurn(context);
    const dc = await this.deps.dialogs.createContext(context);
    if (gate?.then === 'reset') await dc.cancelAllDialogs();
    if (gate?.then === 'resume') await this.resumeFlow(dc);
    if (gate?.handled) return;
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG_ID);
    context.turnState.set(STAGE_KEY, this.stageOf(dc));
  }

  /** Typing and hub events: the handoff may act on them (e.g. `handoff.status`); the bot never answers them. */
  private async onSignal(context: TurnContext): Promise<void> {
    setTurnInfo(context, await this.deps.customers.resolveBound(context));
    const gate = await this.deps.handoff?.beforeTurn(context);
    if (gate?.then !== 'resume') return;
    const dc = await this.deps.dialogs.createContext(context);
    await this.resumeFlow(dc);
  }

  /** Staff handed the conversation back: the bot continues by itself, in the flow they chose. */
  private async onHandback(context: TurnContext, flow: HandbackFlow): Promise<void> {
    setTurnInfo(context, await this.deps.customers.resolveBound(context));
    await this.deps.handoff?.beforeTurn(context);
    const dc = await this.deps.dialogs.createContext(context);
    if (
      flow === 'resume' &&
      dc.activeDialog &&
      dc.findDialog(dc.activeDialog.id) instanceof MachineDialog
    ) {
      await this.resumeFlow(dc);
    } else if (flow === 'resume') {
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG_ID);
    } else {
      await dc.cancelAllDialogs();
      await dc.beginDialog(MAIN_DIALOG_ID);
    }
    context.turnState.set(STAGE_KEY, this.stageOf(dc));
  }

  /** Back with the bot: the paused flow asks its question again, or the menu is shown. */
  private async resumeFlow(dc: DialogContext): Promise<void> {
    const top = dc.activeDialog;
    const dialog = top ? dc.findDialog(top.id) : undefined;
    if (dialog instanceof MachineDialog) await dialog.resume(dc);
  }

  /** Where the conversation's flow stands now, for the staff's list of live conversations. */
  private stageOf(dc: DialogContext): FlowStage | null {
    const top = dc.activeDialog;
    const dialog = top ? dc.findDialog(top.id) : undefined;
    if (top && dialog instanceof MachineDialog) {
      return dialog.stageOf((top.state as { snapshot: Snapshot<unknown> }).snapshot);
    }
    return (top?.state as { lastStage?: FlowStage } | undefined)?.lastStage ?? null;
  }

  /** Drops replies computed before a person took the conversation over. */
  private async fenced(
    context: TurnContext,
    conversationId: string,
    replies: Partial<Activity>[],
  ): Promise<Partial<Activity>[]> {
    const handoff = this.deps.handoff;
    if (!handoff || replies.length === 0) return replies;
    if (await handoff.mayStillAnswer(conversationId, handoff.gate(context).version)) return replies;
    this.deps.logger.info(
      { conversationId, dropped: replies.length },
      'replies dropped: staff took over',
    );
    return [];
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const { activity } = context;
    const joined = (activity.membersAdded ?? []).some((m) => m.id !== activity.recipient?.id);
    if (!joined || (await this.deps.welcomed.get(context, false))) return;
    const resolved = await this.deps.customers.resolve(context);
    setTurnInfo(context, resolved);
    await this.deps.welcomed.set(context, true);
    await this.deps.mainDialog.welcome(context);
  }

  /** Holds every reply but typing indicators until the turn's state is safely written. */
  private holdReplies(context: TurnContext): ReplyBuffer {
    const buffer: ReplyBuffer = { holding: true, items: [] };
    context.onSendActivities(async (_ctx, activities, next): Promise<ResourceResponse[]> => {
      if (!buffer.holding) return next();
      const held = activities.filter((a) => a.type !== ActivityTypes.Typing);
      buffer.items.push(...held.map((a) => ({ ...a })));
      if (held.length === activities.length) return activities.map(() => ({ id: '' }));
      // `next` sends this very array: leave only the typing indicators in it.
      activities.splice(
        0,
        activities.length,
        ...activities.filter((a) => a.type === ActivityTypes.Typing),
      );
      return next();
    });
    return buffer;
  }

  private replayable(context: TurnContext, replies: Partial<Activity>[]): Partial<Activity>[] {
    return context.activity.deliveryMode === DeliveryModes.ExpectReplies ? replies : [];
  }

  private async replay(
    context: TurnContext,
    replies: Partial<Activity>[],
    activityId: string,
  ): Promise<void> {
    this.deps.logger.info(
      { conversationId: context.activity.conversation.id, activityId },
      'duplicate activity',
    );
    if (context.activity.deliveryMode !== DeliveryModes.ExpectReplies || replies.length === 0)
      return;
    await context.sendActivities(
      replies.map(
        ({
          type,
          text,
          attachments,
          suggestedActions,
          textFormat,
          attachmentLayout,
          inputHint,
        }) => ({
          type,
          text,
          attachments,
          suggestedActions,
          textFormat,
          attachmentLayout,
          inputHint,
        }),
      ),
    );
  }
}
