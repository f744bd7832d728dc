import type { Label } from '../../machines/conversationTypes.js';
import type { DowngradeTicketInput } from '../../machines/downgradeMachine.js';
import type { DowngradeReply } from '../../machines/downgradeTypes.js';
import type { InvoiceStatusReply } from '../../machines/invoiceStatusMachine.js';
import type { UpgradeReply } from '../../machines/upgradeTypes.js';

/** Every reply any flow machine can emit. */
export type FlowReply = UpgradeReply | DowngradeReply | InvoiceStatusReply;

export type LanguageTag = 'id' | 'en';

/** Formatting in the customer's language; money is always shown as Rupiah-style Intl currency. */
export interface Formatters {
  money(amount: number, currencyCode: string): string;
  date(isoDate: string | null): string;
  cycle(cycle: string): string;
  /** Price suffix for a cycle, e.g. `tahun` for `Rp100.000/tahun`. */
  perCycle(cycle: string): string;
  invoiceUrl(invoiceId: number): string;
  invoiceListUrl(): string;
}

type ReplyTexts = {
  [K in FlowReply['key']]: (reply: Extract<FlowReply, { key: K }>, f: Formatters) => string;
};
type LabelTexts = {
  [K in Label['key']]: (label: Extract<Label, { key: K }>, f: Formatters) => string;
};

/** Texts that are not replies of a flow machine. */
export interface CommonTexts {
  welcome(name: string | null): string;
  menuPrompt: string;
  /** Joins the last of several inline choices: `a, b atau c`. */
  or: string;
  menuUpgradePackage: string;
  menuAddAccounts: string;
  menuDowngrade: string;
  menuHuman: string;
  menuHelp: string;
  mainHelp: string;
  greeting(name: string | null): string;
  thanks: string;
  notUnderstood: string;
  anythingElse: string;
  signInRequired: string;
  identityMismatch: string;
  staleButton: string;
  flowReset: string;
  somethingWentWrong: string;
  stillWorking: string;
  stillNotUnderstood: string;
  handoff: HandoffTexts;
  cycles: Record<string, string>;
  cyclesPer: Record<string, string>;
  errors: Record<string, string>;
}

/** What the customer reads while a person takes over (or cannot). */
export interface HandoffTexts {
  queued(position: number, etaMinutes: number): string;
  /** An external agent hub takes the chat; it tells the queue itself. */
  connecting: string;
  queueUpdate(position: number, etaMinutes: number): string;
  stillQueued(position: number): string;
  accepted(staffName: string): string;
  transferred(staffName: string): string;
  returned: string;
  closed: string;
  cancelled: string;
  /** Nobody can take the chat: outside support hours, nobody online, or waited too long. */
  unavailable(why: 'hours' | 'noStaff' | 'timeout', hours: string): string;
  leaveMessagePrompt: string;
  messageFiled(ticket: string): string;
  messageFailed: string;
  guestCannotLeaveMessage: string;
  leaveMessageButton: string;
  cancelWaitingButton: string;
  noThanksButton: string;
  ticketSubject: string;
  ticketMessage(message: string, summary: string): string;
}

/** Texts the customer reads outside the chat: the downgrade ticket and the reminder. */
export interface OutsideTexts {
  downgradeTicketSubject(ticket: DowngradeTicketInput): string;
  downgradeTicketMessage(ticket: DowngradeTicketInput, f: Formatters): string;
  downgradeReminder(reminder: { domain: string; dueDate: string }, f: Formatters): string;
  downgradeReminderButton: string;
}

/** One language: all customer-facing text lives in these objects. */
export interface Texts {
  language: LanguageTag;
  /** BCP 47 tag for dates and Web Chat. */
  intlLocale: string;
  common: CommonTexts;
  reply: ReplyTexts;
  label: LabelTexts;
  outside: OutsideTexts;
}
