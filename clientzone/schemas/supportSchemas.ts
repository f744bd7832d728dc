import { z } from 'zod';

import type { OpenedTicket, SupportDepartment, TicketSummary } from '../types.js';
import { whmcsDate, whmcsNumber, whmcsText, wrappedList } from './whmcsPrimitives.js';

/** The ticket number shown to customers; never empty. */
const ticketNumber = z.union([z.string().trim().min(1), z.number()]).transform(String);

const department = z
  .object({ id: whmcsNumber, name: whmcsText })
  .transform((raw): SupportDepartment => ({ id: raw.id, name: raw.name }));

/** GetSupportDepartments. */
export const departmentsResponse = z
  .object({ departments: wrappedList('department', department) })
  .transform((raw) => raw.departments);

/** OpenTicket. */
export const openedTicketResponse = z
  .object({ id: whmcsNumber, tid: ticketNumber })
  .transform((raw): OpenedTicket => ({ id: raw.id, tid: raw.tid }));

const ticket = z
  .object({
    id: whmcsNumber,
    tid: ticketNumber,
    deptid: whmcsNumber,
    subject: whmcsText,
    status: whmcsText,
    date: whmcsDate,
  })
  .transform((raw): TicketSummary => ({
    id: raw.id,
    tid: raw.tid,
    deptId: raw.deptid,
    subject: raw.subject,
    status: raw.status,
    date: raw.date,
  }));

/** GetTickets: one page of tickets and the total across pages. */
export const ticketsResponse = z
  .object({ totalresults: whmcsNumber.optional(), tickets: wrappedList('ticket', ticket) })
  .transform((raw) => ({
    totalResults: raw.totalresults ?? raw.tickets.length,
    items: raw.tickets,
  }));
