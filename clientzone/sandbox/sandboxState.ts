import type { CycleKey } from './billingCycles.js';

/** Bumped when the persisted shape changes; an older data file is reseeded. */
export const SANDBOX_STATE_VERSION = 1;

/** Price per cycle; `-1` means the cycle is not offered. */
export type CyclePrices = Record<CycleKey, number>;

export interface CurrencyRecord {
  id: number;
  code: string;
  prefix: string;
  suffix: string;
}

export interface GatewayRecord {
  module: string;
  name: string;
}

export interface ProductGroupRecord {
  id: number;
  name: string;
}

export interface ProductRecord {
  pid: number;
  gid: number;
  type: string;
  name: string;
  description: string;
  module: string;
  pricing: CyclePrices;
  configOptionIds: number[];
}

/** A quantity-type configurable option (WHMCS option type 4) with one priced sub-option. */
export interface ConfigOptionRecord {
  id: number;
  name: string;
  optionType: number;
  minQty: number;
  maxQty: number;
  subOptionId: number;
  subOptionName: string;
  pricing: CyclePrices;
}

export interface DepartmentRecord {
  id: number;
  name: string;
}

export interface ClientRecord {
  id: number;
  firstname: string;
  lastname: string;
  companyname: string;
  email: string;
  language: string;
  city: string;
  phonenumber: string;
  datecreated: string;
  credit: number;
  demoLabel: string;
}

export interface ServiceRecord {
  id: number;
  userid: number;
  orderid: number;
  ordernum: string;
  pid: number;
  regdate: string;
  domain: string;
  status: string;
  billingcycle: CycleKey;
  nextduedate: string;
  firstpaymentamount: number;
  amount: number;
  paymentmethod: string;
  /** Config option id -> quantity. */
  configQty: Record<string, number>;
}

export interface OrderRecord {
  id: number;
  ordernum: string;
  userid: number;
  date: string;
  status: string;
  amount: number;
  invoiceid: number;
  paymentmethod: string;
  upgradeIds: number[];
}

export interface UpgradeRecord {
  id: number;
  type: 'package' | 'configoptions';
  userid: number;
  orderid: number;
  relid: number;
  date: string;
  /** package: old pid; configoptions: `optionId=>oldQty`. */
  originalvalue: string;
  /** package: `newPid,cycle`; configoptions: the new quantity. */
  newvalue: string;
  amount: number;
  recurringchange: number;
  status: 'Pending' | 'Completed';
  paid: 'Y' | 'N';
}

export interface InvoiceItemRecord {
  id: number;
  type: string;
  relid: number;
  description: string;
  amount: number;
}

export interface TransactionRecord {
  id: number;
  date: string;
  gateway: string;
  transid: string;
  amountin: number;
}

export interface InvoiceRecord {
  id: number;
  userid: number;
  date: string;
  duedate: string;
  datepaid: string;
  datecancelled: string;
  status: string;
  paymentmethod: string;
  items: InvoiceItemRecord[];
  transactions: TransactionRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface TicketRecord {
  id: number;
  tid: string;
  c: string;
  deptid: number;
  userid: number;
  name: string;
  email: string;
  date: string;
  subject: string;
  message: string;
  status: string;
  priority: string;
  lastreply: string;
  service: string;
  markdown: boolean;
}

export interface IdCounters {
  order: number;
  upgrade: number;
  invoice: number;
  invoiceItem: number;
  ticket: number;
  transaction: number;
}

export interface SandboxState {
  version: number;
  seededAt: string;
  currency: CurrencyRecord;
  gateways: GatewayRecord[];
  productGroups: ProductGroupRecord[];
  products: ProductRecord[];
  configOptions: ConfigOptionRecord[];
  departments: DepartmentRecord[];
  clients: ClientRecord[];
  services: ServiceRecord[];
  orders: OrderRecord[];
  upgrades: UpgradeRecord[];
  invoices: InvoiceRecord[];
  tickets: TicketRecord[];
  /** The last id handed out per table. */
  counters: IdCounters;
}

export function nextId(state: SandboxState, table: keyof IdCounters): number {
  state.counters[table] += 1;
  return state.counters[table];
}
