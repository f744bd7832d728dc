import { z } from 'zod';

import type { InvoiceDetail, InvoiceItem, InvoiceSummary } from '../types.js';
import { whmcsAmount, whmcsDate, whmcsNumber, whmcsText, wrappedList } from './whmcsPrimitives.js';

const invoiceSummary = z
  .object({
    id: whmcsNumber,
    invoicenum: whmcsText,
    date: whmcsDate,
    duedate: whmcsDate,
    total: whmcsAmount,
    status: whmcsText,
    currencyprefix: whmcsText,
    currencysuffix: whmcsText,
  })
  .transform((raw): InvoiceSummary => ({
    id: raw.id,
    invoiceNum: raw.invoicenum,
    date: raw.date,
    dueDate: raw.duedate,
    total: raw.total,
    status: raw.status,
    currencyPrefix: raw.currencyprefix,
    currencySuffix: raw.currencysuffix,
  }));

/** GetInvoices: one page of invoices and the total across pages. */
export const invoicesResponse = z
  .object({
    totalresults: whmcsNumber.optional(),
    invoices: wrappedList('invoice', invoiceSummary),
  })
  .transform((raw) => ({
    totalResults: raw.totalresults ?? raw.invoices.length,
    items: raw.invoices,
  }));

const invoiceItem = z
  .object({
    type: whmcsText,
    relid: z.preprocess((value) => (value === '' || value == null ? 0 : value), whmcsNumber),
    description: whmcsText,
    amount: whmcsAmount,
  })
  .transform((raw): InvoiceItem => ({
    type: raw.type,
    relId: raw.relid,
    description: raw.description,
    amount: raw.amount,
  }));

/** GetInvoice. */
export const invoiceResponse = z
  .object({
    invoiceid: whmcsNumber,
    userid: whmcsNumber,
    status: whmcsText,
    total: whmcsAmount,
    balance: whmcsAmount,
    date: whmcsDate,
    duedate: whmcsDate,
    items: wrappedList('item', invoiceItem),
  })
  .transform((raw): InvoiceDetail => ({
    id: raw.invoiceid,
    userId: raw.userid,
    status: raw.status,
    total: raw.total,
    balance: raw.balance,
    date: raw.date,
    dueDate: raw.duedate,
    items: raw.items,
  }));
