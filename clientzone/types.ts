/**
 * Domain types of the Clientzone port, already normalised from WHMCS quirks
 * (numbers are numbers, `0000-00-00` is null, empty lists are arrays).
 * Everything here is plain JSON so it can live in machine context.
 */

export const BILLING_CYCLES = [
  'monthly',
  'quarterly',
  'semiannually',
  'annually',
  'biennially',
  'triennially',
] as const;

/** System form of a recurring billing cycle, as WHMCS requests use it. */
export type BillingCycle = (typeof BILLING_CYCLES)[number];

export interface ClientDetails {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  /** WHMCS language name, e.g. `indonesian`, `english`, or empty for the default. */
  language: string;
  currencyCode: string;
}

export interface ServiceConfigOption {
  id: number;
  /** Option name, e.g. `Jumlah Akun Email`. */
  option: string;
  /** `quantity`, `dropdown`, `yesno`, ... */
  type: string;
  /** Current value; for quantity options the number as a string. */
  value: string;
}

export interface ClientService {
  id: number;
  pid: number;
  /** Product group id when the API returns it; otherwise resolved from the catalogue. */
  gid: number | null;
  name: string;
  groupName: string;
  domain: string;
  /** `Active`, `Suspended`, `Terminated`, `Cancelled`, `Pending`, `Fraud`, ... */
  status: string;
  /** null for free / one-time services. */
  billingCycle: BillingCycle | null;
  /** `YYYY-MM-DD`, or null when unset. */
  nextDueDate: string | null;
  recurringAmount: number;
  paymentMethod: string;
  configOptions: ServiceConfigOption[];
}

/** Price of a cycle, per currency code; cycles not offered are absent. */
export type CyclePrices = Partial<Record<BillingCycle, number>>;

export interface CatalogueConfigOption {
  id: number;
  name: string;
  /** WHMCS numeric type as string: `1` dropdown, `2` radio, `3` yes/no, `4` quantity. */
  type: string;
  minQty: number;
  maxQty: number;
  /** Per-unit recurring price per cycle, per currency code (quantity options). */
  unitPricing: Record<string, CyclePrices>;
}

export interface CatalogueProduct {
  pid: number;
  gid: number;
  name: string;
  description: string;
  pricing: Record<string, CyclePrices>;
  configOptions: CatalogueConfigOption[];
}

export type UpgradeRequest =
  | {
      type: 'product';
      serviceId: number;
      paymentMethod: string;
      newProductId: number;
      newBillingCycle: BillingCycle;
    }
  | {
      type: 'configoptions';
      serviceId: number;
      paymentMethod: string;
      /** Option id -> the new total quantity (not the delta). */
      configOptions: Record<number, number>;
    };

export interface UpgradeQuote {
  /** Amount due now, parsed from the formatted price (may be negative). */
  price: number;
  /** Clientzone's own formatting, e.g. `Rp150.000`. */
  priceFormatted: string;
  daysUntilRenewal: number;
  totalDays: number;
  newProductName: string;
  upgradeInProgress: boolean;
}

export interface PlacedUpgrade {
  orderId: number;
  orderNumber: string;
  /** null when nothing is payable. */
  invoiceId: number | null;
  price: number;
  priceFormatted: string;
  newProductName: string;
}

export interface InvoiceSummary {
  id: number;
  invoiceNum: string;
  date: string | null;
  dueDate: string | null;
  total: number;
  status: string;
  currencyPrefix: string;
  currencySuffix: string;
}

export interface InvoiceItem {
  type: string;
  relId: number;
  description: string;
  amount: number;
}

export interface InvoiceDetail {
  id: number;
  userId: number;
  status: string;
  total: number;
  balance: number;
  date: string | null;
  dueDate: string | null;
  items: InvoiceItem[];
}

export interface SupportDepartment {
  id: number;
  name: string;
}

export interface OpenTicketRequest {
  deptId: number;
  clientId: number;
  serviceId?: number;
  subject: string;
  message: string;
  priority?: 'Low' | 'Medium' | 'High';
  markdown?: boolean;
}

export interface OpenedTicket {
  id: number;
  /** The ticket number to show to the customer. */
  tid: string;
}

export interface TicketSummary {
  id: number;
  tid: string;
  deptId: number;
  subject: string;
  status: string;
  date: string | null;
}

export interface TicketQuery {
  clientId: number;
  deptId?: number;
  /** e.g. `Open`, or `All Active Tickets`. */
  status?: string;
}

export interface InvoicePayment {
  invoiceId: number;
  transId: string;
  gateway: string;
  amount?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}
