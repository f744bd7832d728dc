import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FaultInjector } from './faults.js';
import { parseJsonBody, readBody, sendJson } from './httpUtils.js';
import { invoiceBalance, invoiceTotal } from './invoiceLedger.js';
import type { SandboxClock } from './sandboxClock.js';
import type { SandboxStore } from './sandboxStore.js';

export interface AdminDeps {
  store: SandboxStore;
  clock: SandboxClock;
  faults: FaultInjector;
}

type AdminRoute = (deps: AdminDeps, body: unknown) => { status: number; body: unknown };

const clockRequestSchema = z.object({ now: z.iso.datetime({ offset: true }).nullable() });

/** The demo customers a chat page offers to sign in as. */
function customers({ store }: AdminDeps) {
  const list = store.state.clients.map((client) => ({
    clientId: client.id,
    name: `${client.firstname} ${client.lastname}`,
    label: client.demoLabel,
    language: client.language,
  }));
  return { status: 200, body: list };
}

/** Everything created so far, for tests that count orders, upgrades, invoices and tickets. */
function records({ store, clock }: AdminDeps) {
  const { orders, upgrades, invoices, tickets, services } = store.state;
  const withTotals = invoices.map((invoice) => ({
    ...invoice,
    total: invoiceTotal(invoice),
    balance: invoiceBalance(invoice),
  }));
  const now = clock.now().toISOString();
  return { status: 200, body: { now, orders, upgrades, invoices: withTotals, tickets, services } };
}

function clockState(clock: SandboxClock) {
  return { status: 200, body: { now: clock.now().toISOString(), offsetMs: clock.offset } };
}

const ROUTES: Record<string, AdminRoute> = {
  'GET customers': customers,
  'GET records': records,
  'POST reset': ({ store }) => {
    store.reset();
    return { status: 200, body: { result: 'success', seededAt: store.state.seededAt } };
  },
  'GET clock': ({ clock }) => clockState(clock),
  'POST clock': ({ clock }, body) => {
    const { now } = clockRequestSchema.parse(body);
    clock.set(now === null ? null : new Date(now));
    return clockState(clock);
  },
  'GET faults': ({ faults }) => ({ status: 200, body: faults.list() }),
  'POST faults': ({ faults }, body) => ({ status: 201, body: faults.add(body) }),
  'DELETE faults': ({ faults }) => {
    faults.clear();
    return { status: 200, body: { result: 'success' } };
  },
};

/** `/__sandbox/*`: JSON endpoints for tests and demos. */
export async function handleAdminRequest(
  deps: AdminDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const name = url.pathname.slice('/__sandbox/'.length).replace(/\/$/, '');
  const route = ROUTES[`${req.method ?? 'GET'} ${name}`];
  const text = await readBody(req);
  if (!route) {
    sendJson(res, 404, { result: 'error', message: `No sandbox route ${req.method} ${name}` });
    return;
  }
  try {
    const answer = route(deps, parseJsonBody(text));
    sendJson(res, answer.status, answer.body);
  } catch (error) {
    if (!(error instanceof SyntaxError || error instanceof z.ZodError)) throw error;
    sendJson(res, 400, { result: 'error', message: error.message });
  }
}
