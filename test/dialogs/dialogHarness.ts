import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { ComponentDialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { KeywordIntentRecognizer } from '../../dialogs/nlu/keywordIntents.js';
import { setTurnInfo, type TurnInfo } from '../../dialogs/turnInfo.js';
import { UpgradeDialog } from '../../dialogs/upgradeDialog.js';
import { FakeEffects } from '../machines/upgradeHarness.js';

export const CLIENTZONE_URL = 'https://clientzone.test';

/** The main dialog with its flows, as the bot wires them, around fake Clientzone effects. */
class RootDialog extends ComponentDialog {
  constructor(effects: FakeEffects) {
    super('root');
    this.addDialog(new MainDialog(new KeywordIntentRecognizer()));
    this.addDialog(
      new UpgradeDialog(effects.machine(), {
        clientzoneUrl: CLIENTZONE_URL,
        productGroupId: 1,
        paymentMethod: 'banktransfer',
        apiTimeoutMs: 2000,
        turnTimeoutMs: 5000,
      }),
    );
    this.initialDialogId = 'main';
  }
}

export interface Conversation {
  client: DialogTestClient;
  effects: FakeEffects;
  info: TurnInfo;
  /** Sends one activity and returns every reply, typing indicators left out. */
  say(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
}

export function startConversation(
  info: TurnInfo = {
    customer: { clientId: 1001, name: 'Budi', currencyCode: 'IDR' },
    language: 'id',
  },
  effects: FakeEffects = new FakeEffects(),
): Conversation {
  const conversation: Conversation = {
    effects,
    info,
    client: new DialogTestClient('directline', new RootDialog(effects), undefined, [
      turnInfo(() => conversation.info),
    ]),
    say: async (input) => {
      const activity =
        typeof input === 'string'
          ? { type: 'message', text: input }
          : { type: 'message', ...input };
      const replies: Partial<Activity>[] = [];
      let reply = (await conversation.client.sendActivity(activity)) as
        Partial<Activity> | undefined;
      while (reply) {
        if (reply.type !== 'typing') replies.push(reply);
        reply = conversation.client.getNextReply() as Partial<Activity> | undefined;
      }
      return replies;
    },
  };
  return conversation;
}

function turnInfo(current: () => TurnInfo): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      setTurnInfo(context, current());
      await next();
    },
  };
}

export function texts(replies: Partial<Activity>[]): string[] {
  return replies.map((r) => r.text ?? '');
}

export function buttons(reply: Partial<Activity> | undefined): { title: string; value: unknown }[] {
  return (reply?.suggestedActions?.actions ?? []).map((a) => ({
    title: a.title ?? '',
    value: a.value,
  }));
}
