import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { errorCodeOf } from '../../clientzone/appError.js';
import type { ConversationReferences } from '../conversationReferences.js';
import type { Logger } from '../logger.js';
import { dropSyntheticReplyTo } from '../proactive.js';
import type { HandoffEvents } from './handoffEvents.js';
import type { TranscriptStore } from './transcriptStore.js';

/** Who a message to the customer comes from, as the transcript and the console show it. */
export type Speaker = { role: 'bot' } | { role: 'staff'; username: string; name: string };

/**
 * Sends messages to a customer outside their turn (staff replies, queue updates, hand-back),
 * through the stored conversation reference, and logs them to the transcript and the console.
 */
export class CustomerMessenger {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      appId: string;
      references: ConversationReferences;
      transcripts: TranscriptStore;
      events: HandoffEvents;
      logger: Logger;
      now: () => Date;
    },
  ) {}

  /** True when the channel took the messages; a failure is logged, never thrown at staff or timers. */
  async send(
    conversationId: string,
    activities: Partial<Activity>[],
    speaker: Speaker,
  ): Promise<boolean> {
    const reference = await this.deps.references.find(conversationId);
    if (!reference) {
      this.deps.logger.warn({ conversationId }, 'no conversation reference: message not delivered');
      return false;
    }
    const sent: Partial<Activity>[] = [];
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, (context) =>
        this.sendInTurn(context, activities, speaker, sent),
      );
      return true;
    } catch (error) {
      this.deps.logger.warn(
        { conversationId, code: errorCodeOf(error) },
        'message to the customer not delivered',
      );
      return false;
    } finally {
      await this.log(conversationId, sent, speaker);
    }
  }

  private async sendInTurn(
    context: TurnContext,
    activities: Partial<Activity>[],
    speaker: Speaker,
    sent: Partial<Activity>[],
  ): Promise<void> {
    dropSyntheticReplyTo(context);
    if (speaker.role === 'staff') {
      // Sending stamps the bot's account; the customer should see the staff member's name.
      context.onSendActivities((_ctx, outgoing, next) => {
        for (const a of outgoing)
          a.from = { ...a.from, id: a.from?.id ?? 'bot', name: speaker.name };
        return next();
      });
    }
    const botId = context.activity.recipient?.id ?? 'bot';
    for (const activity of activities) {
      const stamped = stamp(activity, speaker, botId);
      await context.sendActivity(stamped);
      if (stamped.type !== 'message') continue;
      const from = stamped.from ?? { id: botId, name: 'Bot', role: 'bot' };
      sent.push({ ...stamped, from, timestamp: this.deps.now() });
    }
  }

  /** A `handoff.status` event in the transcript (queued, accepted, transferred, completed, closed). */
  async logEvent(conversationId: string, value: Record<string, string | null>): Promise<void> {
    const at = this.deps.now();
    const event: Partial<Activity> = {
      type: 'event',
      name: 'handoff.status',
      value,
      timestamp: at,
      from: { id: 'bot', name: 'Bot', role: 'bot' },
    };
    await this.deps.transcripts.append(conversationId, [event], at.getTime());
  }

  /** Writes activities to the transcript and tells the consoles. */
  async log(
    conversationId: string,
    activities: Partial<Activity>[],
    speaker: Speaker | 'customer',
  ): Promise<void> {
    if (activities.length === 0) return;
    await this.deps.transcripts.append(conversationId, activities, this.deps.now().getTime());
    for (const activity of activities) {
      if (activity.type !== 'message' || !activity.text) continue;
      this.deps.events.publish({
        type: 'message',
        data: {
          conversationId,
          from: speaker === 'customer' ? 'customer' : speaker.role,
          name:
            speaker === 'customer'
              ? (activity.from?.name ?? '')
              : speaker.role === 'staff'
                ? speaker.name
                : 'Bot',
          text: activity.text,
          at: new Date(activity.timestamp ?? this.deps.now()).toISOString(),
        },
      });
    }
  }
}

function stamp(activity: Partial<Activity>, speaker: Speaker, botId: string): Partial<Activity> {
  if (speaker.role === 'bot') return activity;
  return {
    ...activity,
    from: { id: botId, name: speaker.name, role: 'bot' },
    channelData: { ...(activity.channelData as object), staff: speaker.username },
  };
}
