import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cycleMonths, parseCycle } from './billingCycles.js';
import { addDays, addMonths, daysBetween, displayDate, jakartaDate } from './calendar.js';
import { findService, productConfigOptions, recurringPrice, requireProduct } from './catalogue.js';
import { createInvoice } from './invoiceLedger.js';
import {
  SANDBOX_STATE_VERSION,
  type ClientRecord,
  type SandboxState,
  type ServiceRecord,
} from './sandboxState.js';
import {
  seedFixtureSchema,
  type SeedClient,
  type SeedFixture,
  type SeedService,
} from './seedSchema.js';
import { placeUpgrade } from './upgradeOrders.js';
import { planPackageUpgrade } from './upgradeRules.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The committed fixture: beside this module when run from source, or back in the source tree
 * when run from `dist/clientzone/sandbox/` (tsc does not copy JSON that is not imported).
 */
export function defaultSeedFile(): string {
  const candidates = [
    path.join(__dirname, 'seed.json'),
    path.resolve(__dirname, '../../../clientzone/sandbox/seed.json'),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[candidates.length - 1];
}

export function loadSeedFixture(file: string): SeedFixture {
  return seedFixtureSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function toClient(seed: SeedClient, today: string): ClientRecord {
  return {
    id: seed.id,
    firstname: seed.firstname,
    lastname: seed.lastname,
    companyname: seed.companyname,
    email: seed.email,
    language: seed.language,
    city: seed.city,
    phonenumber: seed.phonenumber,
    datecreated: addDays(today, -400),
    credit: 0,
    demoLabel: seed.demoLabel,
  };
}

/** The latest renewal anniversary that is not after today. */
function registrationDate(nextDueDate: string, months: number, today: string): string {
  let regdate = addMonths(nextDueDate, -months);
  while (regdate > today) regdate = addMonths(regdate, -months);
  return regdate;
}

function toService(state: SandboxState, seed: SeedService, userid: number, today: string) {
  const cycle = parseCycle(seed.billingcycle);
  if (!cycle)
    throw new Error(`Seed service ${seed.id}: unknown billing cycle ${seed.billingcycle}`);
  const product = requireProduct(state, seed.pid);
  const configQty: Record<string, number> = {};
  for (const option of productConfigOptions(state, product)) {
    configQty[option.id] = seed.accounts ?? option.minQty;
  }
  const nextduedate = addDays(today, seed.dueInDays);
  const amount = recurringPrice(state, product, cycle, configQty);
  const service: ServiceRecord = {
    id: seed.id,
    userid,
    orderid: 100 + state.services.length + 1,
    ordernum: String(randomInt(1_000_000_000, 10_000_000_000)),
    pid: seed.pid,
    regdate: registrationDate(nextduedate, cycleMonths(cycle), today),
    domain: seed.domain,
    status: seed.status,
    billingcycle: cycle,
    nextduedate,
    firstpaymentamount: amount,
    amount,
    paymentmethod: seed.paymentmethod,
    configQty,
  };
  return service;
}

function emptyState(fixture: SeedFixture, now: Date): SandboxState {
  return {
    version: SANDBOX_STATE_VERSION,
    seededAt: now.toISOString(),
    currency: fixture.currency,
    gateways: fixture.gateways,
    productGroups: fixture.productGroups,
    products: fixture.products,
    configOptions: fixture.configOptions,
    departments: fixture.departments,
    clients: [],
    services: [],
    orders: [],
    upgrades: [],
    invoices: [],
    tickets: [],
    counters: { order: 500, upgrade: 0, invoice: 7000, invoiceItem: 0, ticket: 0, transaction: 0 },
  };
}

function seedPendingUpgrades(state: SandboxState, fixture: SeedFixture, now: Date): void {
  for (const pending of fixture.pendingUpgrades) {
    const service = findService(state, pending.serviceId);
    if (!service) throw new Error(`Seed pending upgrade: unknown service ${pending.serviceId}`);
    const placedAt = new Date(now.getTime() - pending.placedDaysAgo * DAY_MS);
    const plan = planPackageUpgrade(
      state,
      service,
      pending.newProductId,
      pending.newBillingCycle,
      jakartaDate(placedAt),
    );
    placeUpgrade(state, service, plan, service.paymentmethod, placedAt);
  }
}

function seedRenewalInvoices(state: SandboxState, fixture: SeedFixture, now: Date): void {
  for (const renewal of fixture.renewalInvoices) {
    const service = findService(state, renewal.serviceId);
    if (!service) throw new Error(`Seed renewal invoice: unknown service ${renewal.serviceId}`);
    const product = requireProduct(state, service.pid);
    const periodEnd = addDays(
      addMonths(service.nextduedate, cycleMonths(service.billingcycle)),
      -1,
    );
    const issued = addDays(service.nextduedate, -renewal.issuedDaysBeforeDue);
    const issuedAt = new Date(now.getTime() - daysBetween(issued, jakartaDate(now)) * DAY_MS);
    createInvoice(
      state,
      {
        userid: service.userid,
        paymentmethod: service.paymentmethod,
        date: issued,
        duedate: service.nextduedate,
        items: [
          {
            type: 'Hosting',
            relid: service.id,
            description: `${product.name} - ${service.domain} (${displayDate(service.nextduedate)} - ${displayDate(periodEnd)})`,
            amount: service.amount,
          },
        ],
      },
      issuedAt,
    );
  }
}

/** Resolves the fixture's relative due dates against `now`, once, into absolute state. */
export function createSeededState(source: SeedFixture, now: Date): SandboxState {
  const fixture = structuredClone(source);
  const state = emptyState(fixture, now);
  const today = jakartaDate(now);
  for (const seedClient of fixture.clients) {
    state.clients.push(toClient(seedClient, today));
    for (const seedService of seedClient.services) {
      state.services.push(toService(state, seedService, seedClient.id, today));
    }
  }
  seedPendingUpgrades(state, fixture, now);
  seedRenewalInvoices(state, fixture, now);
  return state;
}
