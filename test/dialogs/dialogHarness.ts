import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { ComponentDialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import type { HumanRequest, HumanRequestHandler } from '../../dialogs/humanRequest.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { KeywordIntentRecognizer } from '../../dialogs/nlu/keywordIntents.js';
import { setTurnInfo, type TurnInfo } from '../../dialogs/turnInfo.js';
import { UpgradeDialog } from '../../dialogs/upgradeDialog.js';
import { DowngradeDialog } from '../../dialogs/downgradeDialog.js';
import { downgradeMachine } from '../../machines/downgradeMachine.js';
import { FakeActors } from '../machines/flowDriver.js';
import { CATALOGUE, oxService } from '../machines/upgradeFixtures.js';
import { FakeEffects } from '../machines/upgradeHarness.js';

export const CLIENTZONE_URL = 'https://clientzone.test';

/** The main dialog with its flows, as the bot wires them, around fake Clientzone effects. */
/** Records "talk to a person" requests and answers with a marker the scripts can match. */
export class FakeHandoff {
  readonly requests: HumanRequest[] = [];
  readonly handler: HumanRequestHandler = async (context, request) => {
    this.requests.push(request);
    await context.sendActivity(`[handoff: ${request.reason}]`);
  };
}

class RootDialog extends ComponentDialog {
  constructor(effects: FakeEffects, downgrades: FakeActors<DowngradeActor>, handoff: FakeHandoff) {
    super('root');
    this.addDialog(new MainDialog(new KeywordIntentRecognizer(), handoff.handler));
    this.addDialog(
      new DowngradeDialog(downgrades.provide(downgradeMachine), {
        clientzoneUrl: CLIENTZONE_URL,
        productGroupId: 1,
        windowDays: 30,
        apiTimeoutMs: 2000,
        turnTimeoutMs: 5000,
        onHumanRequested: handoff.handler,
        now: () => new Date('2026-11-26T03:00:00Z'),
      }),
    );
    this.addDialog(
      new UpgradeDialog(effects.machine(), {
        clientzoneUrl: CLIENTZONE_URL,
        productGroupId: 1,
        paymentMethod: 'banktransfer',
        apiTimeoutMs: 2000,
        turnTimeoutMs: 5000,
        onHumanRequested: handoff.handler,
      }),
    );
    this.initialDialogId = 'main';
  }
}

export type DowngradeActor =
  'loadAccount' | 'inspectDowngrade' | 'scheduleReminder' | 'fileDowngradeTicket';

/** Downgrade effects answering for one Business service due on 2026-12-16 (20 days after "today"). */
export function downgradeFakes(): FakeActors<DowngradeActor> {
  const service = oxService({ pid: 2, name: 'OX Mail Business', nextDueDate: '2026-12-16' });
  return new FakeActors<DowngradeActor>({
    loadAccount: { output: { services: [service], catalogue: CATALOGUE } },
    inspectDowngrade: { output: { existingTicket: null, unpaidRenewal: null } },
    scheduleReminder: { output: undefined },
    fileDowngradeTicket: { output: { id: 5, tid: 'BIL-482913', status: 'Open' } },
  });
}

export interface Conversation {
  client: DialogTestClient;
  effects: FakeEffects;
  downgrades: FakeActors<DowngradeActor>;
  handoff: FakeHandoff;
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
  downgrades: FakeActors<DowngradeActor> = downgradeFakes(),
): Conversation {
  const handoff = new FakeHandoff();
  const conversation: Conversation = {
    effects,
    downgrades,
    handoff,
    info,
    client: new DialogTestClient(
      'directline',
      new RootDialog(effects, downgrades, handoff),
      undefined,
      [turnInfo(() => conversation.info)],
    ),
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
