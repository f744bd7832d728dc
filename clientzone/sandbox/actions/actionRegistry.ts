import type { ActionHandler } from './actionTypes.js';
import { getClientsDetails } from './getClientsDetails.js';
import { getClientsProducts } from './getClientsProducts.js';
import { getOrders } from './getOrders.js';
import { getProducts } from './getProducts.js';
import { getInvoice, getInvoices } from './invoiceQueries.js';
import { addInvoicePayment, updateInvoice } from './invoiceUpdates.js';
import { getSupportDepartments, getTickets, openTicket } from './ticketActions.js';
import { upgradeProduct } from './upgradeProduct.js';

/** Keyed by the action in lower case, as WHMCS matches it. */
export const ACTION_HANDLERS: Readonly<Record<string, ActionHandler>> = {
  getclientsdetails: getClientsDetails,
  getclientsproducts: getClientsProducts,
  getproducts: getProducts,
  upgradeproduct: upgradeProduct,
  getinvoices: getInvoices,
  getinvoice: getInvoice,
  addinvoicepayment: addInvoicePayment,
  updateinvoice: updateInvoice,
  getsupportdepartments: getSupportDepartments,
  openticket: openTicket,
  gettickets: getTickets,
  getorders: getOrders,
};

/** WHMCS strips everything but letters and digits and lower-cases the action. */
export function normaliseAction(action: string): string {
  return action.toLowerCase().replace(/[^0-9a-z]/g, '');
}

export function findActionHandler(action: string): ActionHandler | undefined {
  return Object.hasOwn(ACTION_HANDLERS, action) ? ACTION_HANDLERS[action] : undefined;
}
