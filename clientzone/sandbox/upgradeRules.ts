import { SandboxApiError } from './apiError.js';
import { cycleMonths, parseCycle, type CycleKey } from './billingCycles.js';
import { addMonths, daysBetween } from './calendar.js';
import {
  findProduct,
  isCycleOffered,
  productConfigOptions,
  recurringPrice,
  requireProduct,
} from './catalogue.js';
import { roundAmount } from './money.js';
import type {
  ConfigOptionRecord,
  ProductRecord,
  SandboxState,
  ServiceRecord,
} from './sandboxState.js';

export interface PackagePlan {
  kind: 'package';
  oldProduct: ProductRecord;
  newProduct: ProductRecord;
  newCycle: CycleKey;
  /** The cycle exactly as the caller sent it (WHMCS echoes it). */
  newCycleRaw: string;
  daysUntilRenewal: number;
  totalDays: number;
  /** Due now: may be negative (a downgrade credit). */
  price: number;
  recurringChange: number;
}

export interface ConfigChange {
  option: ConfigOptionRecord;
  oldQty: number;
  newQty: number;
  price: number;
  recurringChange: number;
}

export interface ConfigPlan {
  kind: 'configoptions';
  changes: ConfigChange[];
  total: number;
}

export type UpgradePlan = PackagePlan | ConfigPlan;

/** As WHMCS: an upgrade order of the service whose invoice is still Unpaid. */
export function hasUnpaidUpgrade(state: SandboxState, serviceId: number): boolean {
  return state.upgrades.some((upgrade) => {
    if (upgrade.relid !== serviceId) return false;
    const order = state.orders.find((candidate) => candidate.id === upgrade.orderid);
    const invoice = state.invoices.find((candidate) => candidate.id === order?.invoiceid);
    return invoice?.status === 'Unpaid';
  });
}

export function assertUpgradable(service: ServiceRecord): void {
  if (service.status !== 'Active') {
    throw new SandboxApiError(`Unable to upgrade a service whose status is ${service.status}`);
  }
}

/** Days in the cycle period that ends at the next due date. */
export function periodDays(nextDueDate: string, cycle: CycleKey): number {
  return daysBetween(addMonths(nextDueDate, -cycleMonths(cycle)), nextDueDate);
}

function resolveNewProduct(state: SandboxState, service: ServiceRecord, newPid: number) {
  const oldProduct = requireProduct(state, service.pid);
  const newProduct = findProduct(state, newPid);
  if (!newProduct) throw new SandboxApiError('Invalid New Product ID');
  if (newProduct.gid !== oldProduct.gid) {
    throw new SandboxApiError('Invalid new product ID for upgrade');
  }
  if (newProduct.pid === oldProduct.pid) {
    throw new SandboxApiError('The new product is the same as the current product');
  }
  return { oldProduct, newProduct };
}

/** WHMCS proration: new price for the days left minus the unused part of the old price. */
export function planPackageUpgrade(
  state: SandboxState,
  service: ServiceRecord,
  newPid: number,
  newCycleRaw: string,
  today: string,
): PackagePlan {
  const { oldProduct, newProduct } = resolveNewProduct(state, service, newPid);
  const newCycle = parseCycle(newCycleRaw);
  if (!newCycle) throw new SandboxApiError('Invalid New Billing Cycle');
  if (!isCycleOffered(newProduct, newCycle)) {
    throw new SandboxApiError('Invalid Billing Cycle Requested');
  }
  const oldAmount = service.amount;
  let newAmount = recurringPrice(state, newProduct, newCycle, service.configQty);
  const totalDays = periodDays(service.nextduedate, service.billingcycle);
  const newTotalDays = periodDays(service.nextduedate, newCycle);
  const days = daysBetween(today, service.nextduedate);
  const oldPerMonth = roundAmount(oldAmount / cycleMonths(service.billingcycle));
  if (oldPerMonth === roundAmount(newAmount / cycleMonths(newCycle))) {
    newAmount = (oldAmount / totalDays) * newTotalDays;
  }
  const price = roundAmount((newAmount * days) / newTotalDays - (oldAmount * days) / totalDays);
  return {
    kind: 'package',
    oldProduct,
    newProduct,
    newCycle,
    newCycleRaw,
    daysUntilRenewal: days,
    totalDays,
    price,
    recurringChange: newAmount - oldAmount,
  };
}

function parseQuantity(option: ConfigOptionRecord, raw: string): number {
  const quantity = Number(raw.trim());
  if (!Number.isInteger(quantity)) {
    throw new SandboxApiError(`Invalid quantity for ${option.name}: ${raw}`);
  }
  if (quantity < option.minQty || quantity > option.maxQty) {
    throw new SandboxApiError(
      `${option.name} quantity must be between ${option.minQty} and ${option.maxQty}`,
    );
  }
  return quantity;
}

function readRequestedQuantities(
  options: ConfigOptionRecord[],
  requested: Record<string, string>,
): Map<ConfigOptionRecord, number> {
  const quantities = new Map<ConfigOptionRecord, number>();
  for (const [id, raw] of Object.entries(requested)) {
    const option = options.find((candidate) => String(candidate.id) === id);
    if (!option) throw new SandboxApiError(`Invalid configurable option ID ${id}`);
    quantities.set(option, parseQuantity(option, raw));
  }
  return quantities;
}

/** WHMCS: each changed option costs its recurring difference times the share of the period left. */
export function planConfigUpgrade(
  state: SandboxState,
  service: ServiceRecord,
  requested: Record<string, string>,
  today: string,
): ConfigPlan {
  const product = requireProduct(state, service.pid);
  const quantities = readRequestedQuantities(productConfigOptions(state, product), requested);
  const totalDays = periodDays(service.nextduedate, service.billingcycle);
  const left = daysBetween(today, service.nextduedate);
  const share = (left < 0 ? totalDays : left) / totalDays;
  const changes: ConfigChange[] = [];
  for (const [option, newQty] of quantities) {
    const oldQty = service.configQty[option.id] ?? 0;
    if (newQty === oldQty) continue;
    const recurringChange = (newQty - oldQty) * Math.max(option.pricing[service.billingcycle], 0);
    changes.push({
      option,
      oldQty,
      newQty,
      recurringChange,
      price: roundAmount(recurringChange * share),
    });
  }
  if (changes.length === 0) {
    throw new SandboxApiError('No configurable option changes were requested');
  }
  return { kind: 'configoptions', changes, total: changes.reduce((sum, c) => sum + c.price, 0) };
}
