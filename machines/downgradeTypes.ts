import type { BillingCycle } from '../clientzone/types.js';
import type { Expectation, FlowOutcome } from './conversationTypes.js';
import type { InvoiceRef, RetryableStep, ServiceSummary, UpgradeContext } from './upgradeTypes.js';

/** A support ticket as the customer sees it: its number and status. */
export interface TicketRef {
  id: number;
  tid: string;
  status: string;
}

/** What Clientzone says about a service before a downgrade is requested. */
export interface DowngradeInspection {
  existingTicket: TicketRef | null;
  unpaidRenewal: InvoiceRef | null;
}

/** The change the customer asks Billing for; null parts stay as they are. */
export interface DowngradeDraft {
  newProductId: number | null;
  newProductName: string | null;
  newAccounts: number | null;
  reason: string | null;
}

/** Where the service stands against its renewal, in Asia/Jakarta calendar days. */
export interface RenewalWindow {
  dueDate: string;
  daysLeft: number;
  /** The first day a downgrade can be requested. */
  opensOn: string;
}

export type DowngradeReply =
  | { key: 'downgrade.noServices' }
  | { key: 'downgrade.chooseService'; count: number }
  | { key: 'downgrade.serviceNotActive'; domain: string; status: string }
  | { key: 'downgrade.noDueDate'; domain: string }
  | { key: 'downgrade.alreadyFiled'; domain: string; ticket: TicketRef }
  | {
      key: 'downgrade.tooEarly';
      domain: string;
      dueDate: string;
      opensOn: string;
      daysLeft: number;
    }
  | { key: 'downgrade.reminderSet'; domain: string; opensOn: string }
  | { key: 'downgrade.reminderDeclined' }
  | { key: 'downgrade.nothingLower'; domain: string; productName: string; accounts: number | null }
  | {
      key: 'downgrade.choosePackage';
      domain: string;
      productName: string;
      cycle: string;
      dueDate: string;
      daysLeft: number;
    }
  | { key: 'downgrade.enterAccounts'; domain: string; current: number; min: number }
  | { key: 'downgrade.invalidAccounts'; min: number; max: number }
  | { key: 'downgrade.nothingChanges' }
  | { key: 'downgrade.enterReason' }
  | {
      key: 'downgrade.confirm';
      domain: string;
      fromPackage: string;
      toPackage: string | null;
      fromAccounts: number | null;
      toAccounts: number | null;
      dueDate: string;
      reason: string | null;
    }
  | {
      key: 'downgrade.filed';
      domain: string;
      ticket: TicketRef;
      dueDate: string;
      late: boolean;
      unpaidRenewal: InvoiceRef | null;
      overdue: boolean;
      currencyCode: string;
    }
  | { key: 'downgrade.failed'; errorCode: string; step: RetryableStep }
  | { key: 'downgrade.cancelled' }
  | { key: 'downgrade.help' }
  | { key: 'downgrade.notUnderstood'; offerHuman: boolean };

export interface DowngradePrompt {
  reply: DowngradeReply;
  expects: Expectation;
}

export interface DowngradeInput {
  clientId: number;
  productGroupId: number;
  currencyCode: string;
  /** Today in Asia/Jakarta, `YYYY-MM-DD`: the machine has no clock of its own. */
  today: string;
  windowDays: number;
  /** Preselected service, e.g. from a reminder's button. */
  serviceId?: number;
  /** Named in the ticket, so Billing can find the chat. */
  conversationId: string;
  /** The ticket is written in the customer's language (`id` or `en`). */
  language: string;
  apiTimeoutMs?: number;
}

export interface DowngradeContext {
  clientId: number;
  productGroupId: number;
  currencyCode: string;
  today: string;
  windowDays: number;
  apiTimeoutMs: number;
  requestedServiceId: number | null;
  conversationId: string;
  language: string;
  services: ServiceSummary[];
  packages: UpgradeContext['packages'];
  accountOption: UpgradeContext['accountOption'];
  serviceId: number | null;
  inspection: DowngradeInspection | null;
  draft: DowngradeDraft;
  ticket: TicketRef | null;
  errorCode: string | null;
  failedStep: RetryableStep | null;
  prompt: DowngradePrompt | null;
  misunderstood: number;
  outcome: FlowOutcome | null;
}

export type { BillingCycle };
