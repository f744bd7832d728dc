import type { CloudAdapter } from 'botbuilder';
import { errorCodeOf } from '../../clientzone/appError.js';
import { chooseLanguage, createFormatters, textsFor } from '../../dialogs/locales/index.js';
import { downgradeReminderActivity } from '../../dialogs/reminderActivity.js';
import type { ConversationReferences } from '../conversationReferences.js';
import type { Logger } from '../logger.js';
import { dropSyntheticReplyTo } from '../proactive.js';
import type { Reminder, ReminderStore } from './reminderStore.js';

export interface ReminderSchedulerDeps {
  store: ReminderStore;
  references: ConversationReferences;
  adapter: CloudAdapter;
  appId: string;
  clientzoneUrl: string;
  now: () => Date;
  logger: Logger;
  pollMs?: number;
}

/** A send that crashed half-way is taken again after this long. */
const LEASE_MS = 10 * 60_000;
const RETRY_DELAY_MS = 15 * 60_000;
const MAX_ATTEMPTS = 5;
const BATCH = 20;

/** Sends due reminders as proactive messages; each due reminder is claimed by one sender. */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly deps: ReminderSchedulerDeps) {}

  start(): void {
    this.timer ??= setInterval(() => {
      // A failing database must not take the process down: the next tick tries again.
      this.runDue().catch((error: unknown) =>
        this.deps.logger.warn({ code: errorCodeOf(error) }, 'reminders not checked'),
      );
    }, this.deps.pollMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Sends what is due now; returns how many reminders were delivered. */
  runDue(): Promise<number> {
    this.running ??= this.sendDue().finally(() => (this.running = null));
    return this.running;
  }

  private async sendDue(): Promise<number> {
    const now = this.deps.now().getTime();
    const due = await this.deps.store.claimDue(now, LEASE_MS, BATCH);
    let delivered = 0;
    for (const reminder of due) {
      if (await this.deliver(reminder, now)) delivered += 1;
    }
    return delivered;
  }

  private async deliver(reminder: Reminder, now: number): Promise<boolean> {
    try {
      await this.send(reminder);
      await this.deps.store.markSent(reminder.id);
      this.deps.logger.info(
        { reminderId: reminder.id, conversationId: reminder.conversationId },
        'reminder sent',
      );
      return true;
    } catch (error) {
      const attempts = reminder.attempts ?? 1;
      this.deps.logger.warn(
        { reminderId: reminder.id, code: errorCodeOf(error), attempts },
        'reminder not sent',
      );
      await this.deps.store.release(reminder.id, now + RETRY_DELAY_MS, attempts >= MAX_ATTEMPTS);
      return false;
    }
  }

  private async send(reminder: Reminder): Promise<void> {
    const reference = await this.deps.references.find(reminder.conversationId);
    if (!reference) throw new Error('no conversation reference');
    const texts = textsFor(chooseLanguage(reference.locale, null));
    const activity = downgradeReminderActivity(
      { ...reminder.payload, serviceId: reminder.serviceId },
      texts,
      createFormatters(texts, this.deps.clientzoneUrl),
      reference.channelId ?? '',
    );
    await this.deps.adapter.continueConversationAsync(
      this.deps.appId,
      reference,
      async (context) => {
        dropSyntheticReplyTo(context);
        await context.sendActivity(activity);
      },
    );
  }
}
