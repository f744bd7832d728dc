import type { Activity, TurnContext } from 'botbuilder';
import type { ClientzoneApi } from '../../clientzone/clientzoneApi.js';
import { errorCodeOf } from '../../clientzone/appError.js';
import type { Texts } from '../../dialogs/locales/index.js';
import type { Departments } from '../departments.js';
import type { Logger } from '../logger.js';
import type { HandoffCore } from './handoffCore.js';
import type { HandoffRecord } from './handoffStore.js';
import type { TurnGate } from './handoffService.js';

/** Messages of the conversation summarised in the ticket. */
const SUMMARY_MESSAGES = 12;

/** Files "leave a message" as a Clientzone ticket to the right department, with a summary. */
export class MessageTickets {
  constructor(
    private readonly deps: {
      core: HandoffCore;
      api: ClientzoneApi;
      departments: Departments;
      logger: Logger;
    },
  ) {}

  async file(
    context: TurnContext,
    record: HandoffRecord,
    texts: Texts,
    gate: TurnGate,
  ): Promise<void> {
    const message = (context.activity.text ?? '').trim().slice(0, 4000);
    const customer = record.info.customer;
    if (!message || !customer) {
      await context.sendActivity(texts.common.handoff.leaveMessagePrompt);
      return;
    }
    try {
      const ticket = await this.open(record, texts, message, customer.clientId);
      const changed = await this.deps.core.change(record.conversationId, record.channelId, {
        type: 'message.filed',
        ticket,
      });
      if (changed) gate.version = changed.after.version;
      gate.then = 'reset';
      await context.sendActivity(texts.common.handoff.messageFiled(ticket));
    } catch (error) {
      this.deps.logger.warn(
        { conversationId: record.conversationId, code: errorCodeOf(error) },
        'message ticket failed',
      );
      const changed = await this.deps.core.change(record.conversationId, record.channelId, {
        type: 'message.failed',
      });
      if (changed) gate.version = changed.after.version;
      await context.sendActivity(texts.common.handoff.messageFailed);
    }
  }

  private async open(
    record: HandoffRecord,
    texts: Texts,
    message: string,
    clientId: number,
  ): Promise<string> {
    const billing =
      record.info.stage?.flow === 'upgrade' || record.info.stage?.flow === 'downgrade';
    const deptId = billing
      ? await this.deps.departments.billing()
      : await this.deps.departments.support();
    const transcript = await this.deps.core.deps.transcripts.list(
      record.conversationId,
      SUMMARY_MESSAGES * 2,
    );
    const opened = await this.deps.api.openTicket({
      deptId,
      clientId,
      serviceId: record.info.stage?.service?.id,
      subject: texts.common.handoff.ticketSubject,
      message: texts.common.handoff.ticketMessage(message, summarise(transcript)),
      priority: 'Medium',
      markdown: true,
    });
    return opened.tid;
  }
}

function summarise(transcript: Partial<Activity>[]): string {
  return transcript
    .filter((a) => a.type === 'message' && a.text)
    .slice(-SUMMARY_MESSAGES)
    .map(
      (a) =>
        `- **${a.from?.role === 'user' ? (a.from?.name ?? 'Customer') : (a.from?.name ?? 'Bot')}:** ${(a.text ?? '').replace(/\s+/g, ' ').slice(0, 300)}`,
    )
    .join('\n');
}
