import { SandboxApiError } from './apiError.js';
import { cycleMonths } from './billingCycles.js';
import { addMonths, jakartaDateTime, UNSET_DATETIME } from './calendar.js';
import { findInvoice, findService } from './catalogue.js';
import {
  nextId,
  type InvoiceItemRecord,
  type InvoiceRecord,
  type SandboxState,
} from './sandboxState.js';
import { applyUpgrade } from './upgradeApplication.js';

export interface NewInvoice {
  userid: number;
  paymentmethod: string;
  date: string;
  duedate: string;
  items: Omit<InvoiceItemRecord, 'id'>[];
}

export interface PaymentInput {
  transid: string;
  gateway: string;
  /** null: pay the whole balance. */
  amount: number | null;
}

export function invoiceTotal(invoice: InvoiceRecord): number {
  return invoice.items.reduce((sum, item) => sum + item.amount, 0);
}

export function invoiceBalance(invoice: InvoiceRecord): number {
  const paid = invoice.transactions.reduce((sum, transaction) => sum + transaction.amountin, 0);
  return invoiceTotal(invoice) - paid;
}

export function createInvoice(state: SandboxState, input: NewInvoice, now: Date): InvoiceRecord {
  const invoice: InvoiceRecord = {
    id: nextId(state, 'invoice'),
    userid: input.userid,
    date: input.date,
    duedate: input.duedate,
    datepaid: UNSET_DATETIME,
    datecancelled: UNSET_DATETIME,
    status: 'Unpaid',
    paymentmethod: input.paymentmethod,
    items: input.items.map((item) => ({ ...item, id: nextId(state, 'invoiceItem') })),
    transactions: [],
    createdAt: jakartaDateTime(now),
    updatedAt: jakartaDateTime(now),
  };
  state.invoices.push(invoice);
  return invoice;
}

function renewService(state: SandboxState, serviceId: number): void {
  const service = findService(state, serviceId);
  if (!service) return;
  service.nextduedate = addMonths(service.nextduedate, cycleMonths(service.billingcycle));
  if (service.status === 'Suspended') service.status = 'Active';
}

/** What a paid invoice sets in motion: upgrades apply, renewals push the due date. */
function settleItems(state: SandboxState, invoice: InvoiceRecord): void {
  for (const item of invoice.items) {
    if (item.type === 'Upgrade') applyUpgrade(state, item.relid);
    if (item.type === 'Hosting') renewService(state, item.relid);
  }
}

/** AddInvoicePayment and the invoice page's pay button share this path. */
export function recordPayment(
  state: SandboxState,
  invoiceId: number,
  input: PaymentInput,
  now: Date,
): InvoiceRecord {
  const invoice = findInvoice(state, invoiceId);
  if (!invoice) throw new SandboxApiError('Invoice ID Not Found');
  if (invoice.status === 'Cancelled') {
    throw new SandboxApiError(
      'It is not possible to add a payment to an invoice that is Cancelled',
    );
  }
  if (invoice.status === 'Draft') {
    throw new SandboxApiError('It is not possible to add a payment to an invoice that is a Draft');
  }
  invoice.transactions.push({
    id: nextId(state, 'transaction'),
    date: jakartaDateTime(now),
    gateway: input.gateway || invoice.paymentmethod,
    transid: input.transid,
    amountin: input.amount ?? invoiceBalance(invoice),
  });
  invoice.updatedAt = jakartaDateTime(now);
  if (invoice.status !== 'Paid' && invoiceBalance(invoice) <= 0) {
    invoice.status = 'Paid';
    invoice.datepaid = jakartaDateTime(now);
    settleItems(state, invoice);
  }
  return invoice;
}
