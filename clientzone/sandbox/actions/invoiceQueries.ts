import { SandboxApiError } from '../apiError.js';
import { jakartaDate, UNSET_DATETIME } from '../calendar.js';
import { findClient, findInvoice } from '../catalogue.js';
import { invoiceBalance, invoiceTotal } from '../invoiceLedger.js';
import { money } from '../money.js';
import { intParam, stringParam, type ApiParams } from '../requestParams.js';
import type { InvoiceRecord, SandboxState } from '../sandboxState.js';
import type { ActionHandler, ApiResponse } from './actionTypes.js';

function invoiceRow(state: SandboxState, invoice: InvoiceRecord): ApiResponse {
  const client = findClient(state, invoice.userid);
  const total = money(invoiceTotal(invoice));
  return {
    id: invoice.id,
    userid: invoice.userid,
    firstname: client?.firstname ?? '',
    lastname: client?.lastname ?? '',
    companyname: client?.companyname ?? '',
    invoicenum: '',
    date: invoice.date,
    duedate: invoice.duedate,
    datepaid: invoice.datepaid,
    last_capture_attempt: UNSET_DATETIME,
    date_refunded: UNSET_DATETIME,
    date_cancelled: invoice.datecancelled,
    subtotal: total,
    credit: '0.00',
    tax: '0.00',
    tax2: '0.00',
    total,
    taxrate: '0.00',
    taxrate2: '0.00',
    status: invoice.status,
    paymentmethod: invoice.paymentmethod,
    paymethodid: null,
    notes: '',
    created_at: invoice.createdAt,
    updated_at: invoice.updatedAt,
    currencycode: state.currency.code,
    currencyprefix: state.currency.prefix,
    currencysuffix: state.currency.suffix,
  };
}

function statusFilter(params: ApiParams, today: string) {
  const status = stringParam(params, 'status');
  return (invoice: InvoiceRecord): boolean => {
    if (!status) return true;
    if (status === 'Overdue') return invoice.status === 'Unpaid' && invoice.duedate < today;
    return invoice.status === status;
  };
}

/** WHMCS default order: status descending, then due date. */
function byDefaultOrder(a: InvoiceRecord, b: InvoiceRecord): number {
  if (a.status !== b.status) return a.status < b.status ? 1 : -1;
  return a.duedate.localeCompare(b.duedate) || a.id - b.id;
}

/** GetInvoices: `totalresults` a number; no invoices gives `"invoices": []`. */
export const getInvoices: ActionHandler = ({ store, params, now }) => {
  const state = store.state;
  const userId = intParam(params, 'userid');
  const found = state.invoices
    .filter((invoice) => !userId || invoice.userid === userId)
    .filter(statusFilter(params, jakartaDate(now)))
    .sort(byDefaultOrder);
  const start = Math.max(intParam(params, 'limitstart'), 0);
  const page = found.slice(start, start + (intParam(params, 'limitnum') || 25));
  return {
    totalresults: found.length,
    startnumber: start,
    numreturned: page.length,
    invoices: page.length === 0 ? [] : { invoice: page.map((inv) => invoiceRow(state, inv)) },
  };
};

function itemsOf(invoice: InvoiceRecord) {
  return invoice.items.map((item) => ({
    id: String(item.id),
    type: item.type,
    relid: String(item.relid),
    description: item.description,
    amount: money(item.amount),
    taxed: '0',
  }));
}

function transactionsOf(invoice: InvoiceRecord) {
  if (invoice.transactions.length === 0) return '';
  return {
    transaction: invoice.transactions.map((transaction) => ({
      id: transaction.id,
      userid: invoice.userid,
      gateway: transaction.gateway,
      date: transaction.date,
      description: `Invoice Payment (#${invoice.id})`,
      amountin: money(transaction.amountin),
      fees: '0.00',
      amountout: '0.00',
      transid: transaction.transid,
      invoiceid: invoice.id,
    })),
  };
}

/** GetInvoice: `invoiceid` a number, other fields database strings, items double-wrapped. */
export const getInvoice: ActionHandler = ({ store, params }) => {
  const invoice = findInvoice(store.state, intParam(params, 'invoiceid'));
  if (!invoice) throw new SandboxApiError('Invoice ID Not Found');
  const row = invoiceRow(store.state, invoice);
  const response: ApiResponse = {
    invoiceid: invoice.id,
    invoicenum: '',
    userid: String(invoice.userid),
    date: invoice.date,
    duedate: invoice.duedate,
    datepaid: invoice.datepaid,
    lastcaptureattempt: UNSET_DATETIME,
    subtotal: row.subtotal,
    credit: '0.00',
    tax: '0.00',
    tax2: '0.00',
    total: row.total,
    balance: money(invoiceBalance(invoice)),
    taxrate: '0.00',
    taxrate2: '0.00',
    status: invoice.status,
    paymentmethod: invoice.paymentmethod,
    notes: '',
    ccgateway: false,
  };
  if (invoice.items.length > 0) response.items = { item: itemsOf(invoice) };
  response.transactions = transactionsOf(invoice);
  return response;
};
