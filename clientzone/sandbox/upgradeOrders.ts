import { randomInt } from 'node:crypto';
import { displayDate, jakartaDate, jakartaDateTime } from './calendar.js';
import { findClient, requireProduct } from './catalogue.js';
import { createInvoice, type NewInvoice } from './invoiceLedger.js';
import {
  nextId,
  type InvoiceRecord,
  type OrderRecord,
  type SandboxState,
  type ServiceRecord,
  type UpgradeRecord,
} from './sandboxState.js';
import { applyUpgrade } from './upgradeApplication.js';
import type { ConfigPlan, PackagePlan, UpgradePlan } from './upgradeRules.js';

export interface PlacedOrder {
  order: OrderRecord;
  invoice: InvoiceRecord | null;
  upgrades: UpgradeRecord[];
}

type UpgradeBase = Pick<UpgradeRecord, 'userid' | 'orderid' | 'relid' | 'date' | 'status' | 'paid'>;

interface DraftUpgrade {
  record: UpgradeRecord;
  description: string;
}

function jakartaDateOf(base: UpgradeBase): string {
  return base.date.slice(0, 10);
}

function periodText(service: ServiceRecord, today: string): string {
  return `(${displayDate(today)} - ${displayDate(service.nextduedate)})`;
}

function packageDrafts(
  base: UpgradeBase,
  service: ServiceRecord,
  plan: PackagePlan,
  state: SandboxState,
): DraftUpgrade[] {
  const record: UpgradeRecord = {
    ...base,
    id: nextId(state, 'upgrade'),
    type: 'package',
    originalvalue: String(plan.oldProduct.pid),
    newvalue: `${plan.newProduct.pid},${plan.newCycle}`,
    amount: plan.price,
    recurringchange: plan.recurringChange,
  };
  const description =
    `Package Upgrade/Downgrade: ${plan.oldProduct.name} - ${service.domain}\n` +
    `${plan.oldProduct.name} => ${plan.newProduct.name} ${periodText(service, jakartaDateOf(base))}`;
  return [{ record, description }];
}

function configDrafts(
  base: UpgradeBase,
  service: ServiceRecord,
  plan: ConfigPlan,
  state: SandboxState,
): DraftUpgrade[] {
  const productName = requireProduct(state, service.pid).name;
  return plan.changes.map((change) => ({
    record: {
      ...base,
      id: nextId(state, 'upgrade'),
      type: 'configoptions',
      originalvalue: `${change.option.id}=>${change.oldQty}`,
      newvalue: String(change.newQty),
      amount: change.price,
      recurringchange: change.recurringChange,
    },
    description:
      `Configurable Options Upgrade/Downgrade: ${productName} - ${service.domain}\n` +
      `${change.option.name}: ${change.oldQty} => ${change.newQty} x ${change.option.subOptionName} ` +
      periodText(service, jakartaDateOf(base)),
  }));
}

/** A zero or negative upgrade applies at once (a negative one is credited), as WHMCS does. */
function settleFreeUpgrades(state: SandboxState, service: ServiceRecord, drafts: DraftUpgrade[]) {
  for (const { record } of drafts.filter((draft) => draft.record.amount <= 0)) {
    const client = findClient(state, service.userid);
    if (client && record.amount < 0) client.credit += -record.amount;
    applyUpgrade(state, record.id);
  }
}

function newOrder(
  state: SandboxState,
  service: ServiceRecord,
  paymentmethod: string,
  now: Date,
): OrderRecord {
  return {
    id: nextId(state, 'order'),
    ordernum: String(randomInt(1_000_000_000, 10_000_000_000)),
    userid: service.userid,
    date: jakartaDateTime(now),
    status: 'Pending',
    amount: 0,
    invoiceid: 0,
    paymentmethod,
    upgradeIds: [],
  };
}

/** UpgradeProduct without calconly: an order, its upgrade records and, if payable, an invoice. */
export function placeUpgrade(
  state: SandboxState,
  service: ServiceRecord,
  plan: UpgradePlan,
  paymentmethod: string,
  now: Date,
): PlacedOrder {
  const order = newOrder(state, service, paymentmethod, now);
  const base: UpgradeBase = {
    userid: service.userid,
    orderid: order.id,
    relid: service.id,
    date: order.date,
    status: 'Pending',
    paid: 'N',
  };
  const drafts =
    plan.kind === 'package'
      ? packageDrafts(base, service, plan, state)
      : configDrafts(base, service, plan, state);
  state.orders.push(order);
  state.upgrades.push(...drafts.map((draft) => draft.record));
  order.upgradeIds = drafts.map((draft) => draft.record.id);
  settleFreeUpgrades(state, service, drafts);
  const payable = drafts.filter((draft) => draft.record.amount > 0);
  order.amount = payable.reduce((sum, draft) => sum + draft.record.amount, 0);
  const invoice =
    payable.length > 0 ? invoiceFor(state, service, payable, paymentmethod, now) : null;
  order.invoiceid = invoice?.id ?? 0;
  return { order, invoice, upgrades: drafts.map((draft) => draft.record) };
}

function invoiceFor(
  state: SandboxState,
  service: ServiceRecord,
  payable: DraftUpgrade[],
  paymentmethod: string,
  now: Date,
): InvoiceRecord {
  const today = jakartaDate(now);
  const input: NewInvoice = {
    userid: service.userid,
    paymentmethod,
    date: today,
    duedate: today,
    items: payable.map(({ record, description }) => ({
      type: 'Upgrade',
      relid: record.id,
      description,
      amount: record.amount,
    })),
  };
  return createInvoice(state, input, now);
}
