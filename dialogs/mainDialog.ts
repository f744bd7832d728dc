import { ActionTypes, ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import {
  Dialog,
  type DialogContext,
  type DialogReason,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { FlowStage } from '../machines/caseStage.js';
import type { FlowOutput } from '../machines/conversationTypes.js';
import type { HandbackFlow, HandoffReason } from '../machines/handoffTypes.js';
import { handbackFlowOf, type HumanRequestHandler } from './humanRequest.js';
import { choiceActivity } from './choiceActivity.js';
import { textsFor, type Texts } from './locales/index.js';
import type { Intent, IntentRecognizer, RecognizedIntent } from './nlu/keywordIntents.js';
import {
  INVOICE_STATUS_DIALOG_ID,
  type InvoiceStatusDialogOptions,
} from './invoiceStatusDialog.js';
import { turnInfoOf } from './turnInfo.js';
import { DOWNGRADE_DIALOG_ID, type DowngradeDialogOptions } from './downgradeDialog.js';
import { UPGRADE_DIALOG_ID, type UpgradeDialogOptions } from './upgradeDialog.js';

export const MAIN_DIALOG_ID = 'main';

type MenuAction = 'upgrade-package' | 'add-accounts' | 'downgrade' | 'human' | 'help';

/** What the main dialog keeps between turns. */
interface MainState {
  /** Where the last flow ended, for the case card if the customer then asks for a person. */
  lastStage?: FlowStage;
  /** Turns in a row the bot did not understand. */
  misunderstood?: number;
}

/**
 * The root of every conversation: welcome, menu, intent routing into flows, and what happens
 * when a flow ends. It stays at the bottom of the dialog stack.
 */
export class MainDialog extends Dialog {
  constructor(
    private readonly recognizer: IntentRecognizer,
    private readonly onHumanRequested: HumanRequestHandler,
  ) {
    super(MAIN_DIALOG_ID);
  }

  override beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.continueDialog(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const handback = handbackFlowOf(dc.context.activity);
    if (handback) return this.handBack(dc, handback);
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const action = menuActionOf(dc.context.activity.value);
    if (action) return this.runMenuAction(dc, action, serviceIdOf(dc.context.activity.value));
    if (isFlowButton(dc.context.activity.value)) {
      await dc.context.sendActivity(this.texts(dc).common.staleButton);
      return this.showMenu(dc, this.texts(dc).common.menuPrompt);
    }
    const recognized = await this.recognizer.recognize(dc.context.activity.text ?? '');
    const state = this.state(dc);
    const misunderstood = recognized.intent === 'unknown' ? (state.misunderstood ?? 0) + 1 : 0;
    if (recognized.intent !== 'human') state.misunderstood = misunderstood;
    return this.runIntent(dc, recognized.intent, recognized.entities);
  }

  /** Staff handed the conversation back: start the chosen flow, or greet with the menu. */
  private async handBack(dc: DialogContext, flow: HandbackFlow): Promise<DialogTurnResult> {
    if (flow === 'upgrade-package') return this.startUpgrade(dc, { kind: 'package' });
    if (flow === 'add-accounts') return this.startUpgrade(dc, { kind: 'accounts' });
    if (flow === 'downgrade') return this.startFlow(dc, DOWNGRADE_DIALOG_ID, {});
    return this.showMenu(dc, this.texts(dc).common.menuPrompt);
  }

  override async resumeDialog(
    dc: DialogContext,
    _reason: DialogReason,
    result?: FlowOutput,
  ): Promise<DialogTurnResult> {
    this.state(dc).lastStage = result?.stage;
    if (result?.stage?.flow === 'invoice') return Dialog.EndOfTurn;
    if (result?.outcome === 'done' || result?.outcome === 'cancelled') {
      return this.showMenu(dc, this.texts(dc).common.anythingElse);
    }
    return Dialog.EndOfTurn;
  }

  /** Greets a customer who just joined, with the menu. */
  async welcome(context: TurnContext): Promise<void> {
    const info = turnInfoOf(context);
    const texts = textsFor(info.language);
    await context.sendActivity(texts.common.welcome(info.customer?.name ?? null));
    await context.sendActivity(menuActivity(context, texts, texts.common.menuPrompt));
  }

  private async runIntent(
    dc: DialogContext,
    intent: Intent,
    entities: RecognizedIntent['entities'],
  ): Promise<DialogTurnResult> {
    const accounts = entities.accounts;
    const texts = this.texts(dc);
    const name = turnInfoOf(dc.context).customer?.name ?? null;
    switch (intent) {
      case 'upgrade_package':
        return this.startUpgrade(dc, { kind: 'package' });
      case 'add_accounts':
        return this.startUpgrade(dc, { kind: 'accounts', requestedAccounts: accounts });
      case 'downgrade':
        return this.startFlow(dc, DOWNGRADE_DIALOG_ID, {});
      case 'invoice_status':
        return this.startFlow(dc, INVOICE_STATUS_DIALOG_ID, { invoiceId: entities.invoiceId });
      case 'human':
        return this.requestHuman(
          dc,
          (this.state(dc).misunderstood ?? 0) >= 2 ? 'misunderstood' : 'asked',
        );
      case 'help':
        return this.showMenu(dc, texts.common.mainHelp);
      case 'greeting':
        return this.showMenu(dc, texts.common.greeting(name));
      case 'thanks':
        await dc.context.sendActivity(texts.common.thanks);
        return Dialog.EndOfTurn;
      default:
        return this.showMenu(
          dc,
          (this.state(dc).misunderstood ?? 0) >= 2
            ? texts.common.stillNotUnderstood
            : texts.common.notUnderstood,
        );
    }
  }

  private runMenuAction(
    dc: DialogContext,
    action: MenuAction,
    serviceId: number | undefined,
  ): Promise<DialogTurnResult> {
    if (action === 'upgrade-package') return this.startUpgrade(dc, { kind: 'package' });
    if (action === 'add-accounts') return this.startUpgrade(dc, { kind: 'accounts' });
    if (action === 'downgrade') return this.startFlow(dc, DOWNGRADE_DIALOG_ID, { serviceId });
    if (action === 'human') {
      const asked = (this.state(dc).misunderstood ?? 0) >= 2 ? 'misunderstood' : 'menu';
      return this.requestHuman(dc, this.state(dc).lastStage ? 'flow' : asked);
    }
    return this.showMenu(dc, this.texts(dc).common.mainHelp);
  }

  private startUpgrade(
    dc: DialogContext,
    options: UpgradeDialogOptions,
  ): Promise<DialogTurnResult> {
    return this.startFlow(dc, UPGRADE_DIALOG_ID, options);
  }

  /** Flows read and change account data: they start only for a signed-in customer. */
  private async startFlow(
    dc: DialogContext,
    dialogId: string,
    options: UpgradeDialogOptions | DowngradeDialogOptions | InvoiceStatusDialogOptions,
  ): Promise<DialogTurnResult> {
    if (!turnInfoOf(dc.context).customer) {
      await dc.context.sendActivity(
        menuActivity(dc.context, this.texts(dc), this.texts(dc).common.signInRequired, ['human']),
      );
      return Dialog.EndOfTurn;
    }
    return dc.beginDialog(dialogId, options);
  }

  private async requestHuman(dc: DialogContext, reason: HandoffReason): Promise<DialogTurnResult> {
    const state = this.state(dc);
    await this.onHumanRequested(dc.context, { reason, stage: state.lastStage ?? null });
    state.misunderstood = 0;
    return Dialog.EndOfTurn;
  }

  private state(dc: DialogContext): MainState {
    const instance = dc.activeDialog;
    if (!instance || instance.id !== MAIN_DIALOG_ID) return {};
    return instance.state as MainState;
  }

  private async showMenu(dc: DialogContext, text: string): Promise<DialogTurnResult> {
    await dc.context.sendActivity(menuActivity(dc.context, this.texts(dc), text));
    return Dialog.EndOfTurn;
  }

  private texts(dc: DialogContext): Texts {
    return textsFor(turnInfoOf(dc.context).language);
  }
}

const MENU_ACTIONS: MenuAction[] = [
  'upgrade-package',
  'add-accounts',
  'downgrade',
  'human',
  'help',
];

function menuActivity(
  context: TurnContext,
  texts: Texts,
  text: string,
  actions: MenuAction[] = MENU_ACTIONS,
): Partial<Activity> {
  const titles: Record<MenuAction, string> = {
    'upgrade-package': texts.common.menuUpgradePackage,
    'add-accounts': texts.common.menuAddAccounts,
    downgrade: texts.common.menuDowngrade,
    human: texts.common.menuHuman,
    help: texts.common.menuHelp,
  };
  const choices = actions.map((menu) => ({
    value: titles[menu],
    action: {
      type: ActionTypes.MessageBack,
      title: titles[menu],
      text: titles[menu],
      displayText: titles[menu],
      value: { menu },
    },
  }));
  return choiceActivity(context.activity.channelId, choices, text);
}

function menuActionOf(value: unknown): MenuAction | null {
  if (typeof value !== 'object' || value === null) return null;
  const menu = (value as Record<string, unknown>).menu;
  if (typeof menu === 'string' && (MENU_ACTIONS as string[]).includes(menu))
    return menu as MenuAction;
  const choice = (value as Record<string, unknown>).choice;
  if (choice === 'cmd:human') return 'human';
  if (choice === 'cmd:help') return 'help';
  return null;
}

function serviceIdOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const serviceId = (value as Record<string, unknown>).serviceId;
  return typeof serviceId === 'number' && Number.isSafeInteger(serviceId) ? serviceId : undefined;
}

function isFlowButton(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'flowId' in value;
}
