import { z } from 'zod';

import type { ClientDetails, ClientService, ServiceConfigOption } from '../types.js';
import {
  whmcsAmount,
  whmcsBillingCycle,
  whmcsDate,
  whmcsNumber,
  whmcsOptionalId,
  whmcsText,
  wrappedList,
} from './whmcsPrimitives.js';

const optionalNumber = whmcsNumber.optional();

const clientFields = z.object({
  id: optionalNumber,
  userid: optionalNumber,
  client_id: optionalNumber,
  firstname: whmcsText,
  lastname: whmcsText,
  email: whmcsText,
  language: whmcsText,
  currency_code: whmcsText,
});

/** Older WHMCS answers put the fields at the top level, newer ones also under `client`. */
function mergeClientFields(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const { client, ...topLevel } = raw as Record<string, unknown>;
  const nested = typeof client === 'object' && client !== null && !Array.isArray(client);
  return nested ? { ...topLevel, ...(client as Record<string, unknown>) } : topLevel;
}

/** GetClientsDetails; `requestedId` stands in when the answer carries no id. */
export function clientDetailsResponse(requestedId: number) {
  return z.preprocess(mergeClientFields, clientFields).transform((raw): ClientDetails => ({
    id: raw.id ?? raw.userid ?? raw.client_id ?? requestedId,
    firstName: raw.firstname,
    lastName: raw.lastname,
    email: raw.email,
    language: raw.language,
    currencyCode: raw.currency_code,
  }));
}

const serviceConfigOption = z
  .object({ id: whmcsNumber, option: whmcsText, type: whmcsText, value: whmcsText })
  .transform((raw): ServiceConfigOption => ({
    id: raw.id,
    option: raw.option,
    type: raw.type,
    value: raw.value,
  }));

const clientService = z
  .object({
    id: whmcsNumber,
    pid: whmcsNumber,
    gid: whmcsOptionalId.optional(),
    name: whmcsText,
    groupname: whmcsText,
    domain: whmcsText,
    status: whmcsText,
    billingcycle: whmcsBillingCycle,
    nextduedate: whmcsDate,
    recurringamount: whmcsAmount,
    paymentmethod: whmcsText,
    configoptions: wrappedList('configoption', serviceConfigOption),
  })
  .transform((raw): ClientService => ({
    id: raw.id,
    pid: raw.pid,
    gid: raw.gid ?? null,
    name: raw.name,
    groupName: raw.groupname,
    domain: raw.domain,
    status: raw.status,
    billingCycle: raw.billingcycle,
    nextDueDate: raw.nextduedate,
    recurringAmount: raw.recurringamount,
    paymentMethod: raw.paymentmethod,
    configOptions: raw.configoptions,
  }));

/** GetClientsProducts: one page of services and the total across pages. */
export const clientServicesResponse = z
  .object({
    totalresults: whmcsNumber.optional(),
    products: wrappedList('product', clientService),
  })
  .transform((raw) => ({
    totalResults: raw.totalresults ?? raw.products.length,
    items: raw.products,
  }));
