import { SandboxApiError } from '../apiError.js';
import { jakartaDateTime } from '../calendar.js';
import { findInvoice } from '../catalogue.js';
import { recordPayment } from '../invoiceLedger.js';
import { intParam, stringParam } from '../requestParams.js';
import type { ActionHandler } from './actionTypes.js';

const INVOICE_STATUSES = [
  'Draft',
  'Unpaid',
  'Paid',
  'Cancelled',
  'Refunded',
  'Collections',
  'Payment Pending',
];

function parseAmount(raw: string): number | null {
  if (raw.trim() === '') return null;
  const amount = Number(raw);
  if (Number.isNaN(amount)) throw new SandboxApiError(`Invalid amount ${raw}`);
  return amount;
}

/** AddInvoicePayment: records the payment; once the balance is covered the invoice is Paid. */
export const addInvoicePayment: ActionHandler = ({ store, params, now }) => {
  const invoiceId = intParam(params, 'invoiceid');
  const payment = {
    transid: stringParam(params, 'transid'),
    gateway: stringParam(params, 'gateway'),
    amount: parseAmount(stringParam(params, 'amount')),
  };
  store.mutate((draft) => recordPayment(draft, invoiceId, payment, now));
  return {};
};

/** UpdateInvoice: only the status and due date are supported; cancelling frees the service. */
export const updateInvoice: ActionHandler = ({ store, params, now }) => {
  const invoiceId = intParam(params, 'invoiceid');
  const status = stringParam(params, 'status');
  const duedate = stringParam(params, 'duedate');
  if (!findInvoice(store.state, invoiceId)) throw new SandboxApiError('Invoice ID Not Found');
  if (status && !INVOICE_STATUSES.includes(status)) {
    throw new SandboxApiError(`Invalid status ${status}`);
  }
  store.mutate((draft) => {
    const invoice = findInvoice(draft, invoiceId);
    if (!invoice) return;
    if (status) invoice.status = status;
    if (status === 'Cancelled') invoice.datecancelled = jakartaDateTime(now);
    if (duedate) invoice.duedate = duedate;
    invoice.updatedAt = jakartaDateTime(now);
  });
  return { invoiceid: invoiceId };
};
