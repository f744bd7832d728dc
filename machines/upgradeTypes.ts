import type { BillingCycle } from '../clientzone/types.js';
import type { ChoiceOption, Expectation, FlowOutcome, Label } from './conversationTypes.js';

/** What the customer wants to change. */
export type UpgradeKind = 'package' | 'accounts';

/** The parts of a Clientzone service the upgrade flow needs, kept small for persistence. */
export interface ServiceSummary {
  id: number;
  pid: number;
  productName: string;
  domain: string;
  status: string;
  billingCycle: BillingCycle | null;
  nextDueDate: string | null;
  /** Current number of email accounts, null when the service has no account option. */
  accounts: number | null;
}

export interface PackageOffer {
  pid: number;
  name: string;
  /** Recurring price for the service's billing cycle. */
  price: number;
}

export interface AccountLimits {
  optionId: number;
  current: number;
  min: number;
  max: number;
}

export type UpgradeDraft =
  | { type: 'product'; newProductId: number; newProductName: string; newBillingCycle: BillingCycle }
  | { type: 'configoptions'; optionId: number; currentQty: number; addQty: number; newQty: number };

export interface QuoteSummary {
  price: number;
  daysUntilRenewal: number;
  newProductName: string;
}

export interface InvoiceRef {
  id: number;
  total: number | null;
  dueDate: string | null;
  status: string;
}

export interface UpgradeResult {
  invoice: InvoiceRef | null;
  orderNumber: string | null;
  /** True when an invoice that already existed was reported instead of placing a new one. */
  adopted: boolean;
}

/** What an upgrade changes, for the customer's summary. */
export type UpgradeChange =
  { kind: 'package'; name: string } | { kind: 'accounts'; add: number; total: number };

/** A step that can fail and be retried. */
export type RetryableStep =
  'loading' | 'quoting' | 'placing' | 'inspecting' | 'filing' | 'scheduling';

/** A reply leaves the machine as data; the dialog renders it in the customer's language. */
export type UpgradeReply =
  | { key: 'upgrade.noServices' }
  | { key: 'upgrade.chooseService'; count: number }
  | { key: 'upgrade.serviceNotActive'; domain: string; status: string }
  | { key: 'upgrade.chooseKind'; domain: string; productName: string; accounts: number | null }
  | { key: 'upgrade.choosePackage'; domain: string; productName: string; cycle: string }
  | { key: 'upgrade.noHigherPackage'; domain: string; productName: string }
  | { key: 'upgrade.noAccountOption'; domain: string }
  | { key: 'upgrade.enterAccounts'; domain: string; current: number; maxAdd: number }
  | { key: 'upgrade.accountsAtMaximum'; domain: string; current: number; max: number }
  | { key: 'upgrade.invalidAccounts'; reason: 'notWhole' | 'tooSmall' | 'tooLarge'; maxAdd: number }
  | {
      key: 'upgrade.confirmPackage';
      domain: string;
      from: string;
      to: string;
      price: number;
      daysUntilRenewal: number;
      currencyCode: string;
    }
  | {
      key: 'upgrade.confirmAccounts';
      domain: string;
      current: number;
      add: number;
      total: number;
      price: number;
      daysUntilRenewal: number;
      currencyCode: string;
    }
  | { key: 'upgrade.blocked'; domain: string; invoice: InvoiceRef | null; currencyCode: string }
  | {
      key: 'upgrade.placed';
      domain: string;
      change: UpgradeChange;
      invoice: InvoiceRef;
      currencyCode: string;
    }
  | { key: 'upgrade.appliedWithoutInvoice'; domain: string; change: UpgradeChange }
  | { key: 'upgrade.adopted'; domain: string; invoice: InvoiceRef | null; currencyCode: string }
  | { key: 'upgrade.failed'; errorCode: string; step: RetryableStep }
  | { key: 'upgrade.cancelled' }
  | { key: 'upgrade.help' }
  | { key: 'upgrade.notUnderstood'; offerHuman: boolean }
  | { key: 'flow.handingOff' };

export interface UpgradePrompt {
  reply: UpgradeReply;
  expects: Expectation;
}

export interface UpgradeInput {
  clientId: number;
  productGroupId: number;
  paymentMethod: string;
  currencyCode: string;
  kind?: UpgradeKind;
  /** How many accounts to add, when the opening sentence said it ("tambah 5 akun"). */
  requestedAccounts?: number;
  apiTimeoutMs?: number;
}

export interface UpgradeContext {
  clientId: number;
  productGroupId: number;
  paymentMethod: string;
  currencyCode: string;
  apiTimeoutMs: number;
  kind: UpgradeKind | null;
  requestedAccounts: number | null;
  services: ServiceSummary[];
  /** Packages of the product group, cheapest first, with prices per cycle. */
  packages: { pid: number; name: string; prices: Partial<Record<BillingCycle, number>> }[];
  accountOption: { id: number; min: number; max: number } | null;
  serviceId: number | null;
  draft: UpgradeDraft | null;
  quote: QuoteSummary | null;
  result: UpgradeResult | null;
  pendingInvoice: InvoiceRef | null;
  errorCode: string | null;
  failedStep: RetryableStep | null;
  prompt: UpgradePrompt | null;
  misunderstood: number;
  outcome: FlowOutcome | null;
}

export type { ChoiceOption, Label };
