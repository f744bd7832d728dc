import { randomInt } from 'node:crypto';
import { SandboxApiError } from '../apiError.js';
import { jakartaDateTime } from '../calendar.js';
import { findClient } from '../catalogue.js';
import { boolParam, intParam, stringParam, type ApiParams } from '../requestParams.js';
import { nextId, type SandboxState, type TicketRecord } from '../sandboxState.js';
import type { ActionHandler, ApiResponse } from './actionTypes.js';

const ACTIVE_STATUSES = ['Open', 'Answered', 'Customer-Reply', 'In Progress', 'On Hold'];
const AWAITING_REPLY_STATUSES = ['Open', 'Customer-Reply'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `${LETTERS}abcdefghijklmnopqrstuvwxyz0123456789`;

function randomText(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** A ticket mask like `ABC-123456`. */
function ticketNumber(): string {
  return `${randomText(LETTERS, 3)}-${String(randomInt(100000, 1000000))}`;
}

function countByStatus(state: SandboxState, deptid: number, statuses: string[]): string {
  const count = state.tickets.filter((t) => t.deptid === deptid && statuses.includes(t.status));
  return String(count.length);
}

/** GetSupportDepartments: ordered by name, ids and counts as strings. */
export const getSupportDepartments: ActionHandler = ({ store }) => {
  const state = store.state;
  const departments = [...state.departments].sort((a, b) => a.name.localeCompare(b.name));
  const response: ApiResponse = { totalresults: departments.length };
  if (departments.length > 0) {
    response.departments = {
      department: departments.map((department) => ({
        id: String(department.id),
        name: department.name,
        awaitingreply: countByStatus(state, department.id, AWAITING_REPLY_STATUSES),
        opentickets: countByStatus(state, department.id, ACTIVE_STATUSES),
      })),
    };
  }
  return response;
};

function validateTicket(state: SandboxState, params: ApiParams): void {
  const clientId = intParam(params, 'clientid');
  if (!clientId) throw new SandboxApiError('Name and email address are required if not a client');
  if (!findClient(state, clientId)) throw new SandboxApiError('Client ID Not Found');
  const deptId = intParam(params, 'deptid');
  if (!state.departments.some((department) => department.id === deptId)) {
    throw new SandboxApiError('Department ID not found');
  }
  if (!stringParam(params, 'subject')) throw new SandboxApiError('Subject is required');
  if (!stringParam(params, 'message')) throw new SandboxApiError('Message is required');
  const serviceId = intParam(params, 'serviceid');
  const owned = state.services.some((s) => s.id === serviceId && s.userid === clientId);
  if (serviceId && !owned) throw new SandboxApiError('Service ID Not Found');
}

function newTicket(state: SandboxState, params: ApiParams, now: Date): TicketRecord {
  const client = findClient(state, intParam(params, 'clientid'));
  const priority = stringParam(params, 'priority');
  const serviceId = intParam(params, 'serviceid');
  return {
    id: nextId(state, 'ticket'),
    tid: ticketNumber(),
    c: randomText(ALPHANUMERIC, 8),
    deptid: intParam(params, 'deptid'),
    userid: client?.id ?? 0,
    name: client ? `${client.firstname} ${client.lastname}` : '',
    email: client?.email ?? '',
    date: jakartaDateTime(now),
    subject: stringParam(params, 'subject'),
    message: stringParam(params, 'message'),
    status: 'Open',
    priority: ['Low', 'Medium', 'High'].includes(priority) ? priority : 'Low',
    lastreply: jakartaDateTime(now),
    service: serviceId ? `S${serviceId}` : '',
    markdown: boolParam(params, 'markdown'),
  };
}

/** OpenTicket for a client: answers `id`, the ticket number `tid` and the access key `c`. */
export const openTicket: ActionHandler = ({ store, params, now }) => {
  validateTicket(store.state, params);
  const ticket = store.mutate((draft) => {
    const created = newTicket(draft, params, now);
    draft.tickets.push(created);
    return created;
  });
  return { id: ticket.id, tid: ticket.tid, c: ticket.c };
};

function statusMatches(ticket: TicketRecord, status: string): boolean {
  if (!status) return true;
  if (status === 'All Active Tickets') return ACTIVE_STATUSES.includes(ticket.status);
  if (status === 'Awaiting Reply') return AWAITING_REPLY_STATUSES.includes(ticket.status);
  return ticket.status === status;
}

function ticketRow(state: SandboxState, ticket: TicketRecord): ApiResponse {
  const department = state.departments.find((candidate) => candidate.id === ticket.deptid);
  return {
    id: ticket.id,
    ticketid: ticket.id,
    tid: ticket.tid,
    c: ticket.c,
    deptid: String(ticket.deptid),
    deptname: department?.name ?? 'Missing department',
    userid: String(ticket.userid),
    contactid: '0',
    name: ticket.name,
    owner_name: ticket.name,
    email: ticket.email,
    cc: '',
    date: ticket.date,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    admin: '',
    attachment: '',
    attachments: [],
    lastreply: ticket.lastreply,
    flag: '0',
    service: ticket.service,
  };
}

/** GetTickets: newest reply first; no tickets, no `tickets` key. */
export const getTickets: ActionHandler = ({ store, params }) => {
  const state = store.state;
  const clientId = intParam(params, 'clientid');
  const deptId = intParam(params, 'deptid');
  const status = stringParam(params, 'status');
  const found = state.tickets
    .filter((t) => (!clientId || t.userid === clientId) && (!deptId || t.deptid === deptId))
    .filter((ticket) => statusMatches(ticket, status))
    .sort((a, b) => b.lastreply.localeCompare(a.lastreply) || b.id - a.id);
  const start = Math.max(intParam(params, 'limitstart'), 0);
  const page = found.slice(start, start + (intParam(params, 'limitnum') || 25));
  const response: ApiResponse = { totalresults: found.length, startnumber: start };
  response.numreturned = page.length;
  if (page.length > 0) response.tickets = { ticket: page.map((t) => ticketRow(state, t)) };
  return response;
};
