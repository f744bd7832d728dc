import { parseCycle } from './billingCycles.js';
import { findService, recurringPrice, requireProduct } from './catalogue.js';
import type { SandboxState, UpgradeRecord } from './sandboxState.js';

function applyPackage(state: SandboxState, upgrade: UpgradeRecord): void {
  const service = findService(state, upgrade.relid);
  const [pidText, cycleText] = upgrade.newvalue.split(',');
  const cycle = parseCycle(cycleText ?? '');
  if (!service || !cycle) return;
  const product = requireProduct(state, Number(pidText));
  service.pid = product.pid;
  service.billingcycle = cycle;
  service.amount = recurringPrice(state, product, cycle, service.configQty);
}

function applyConfigOptions(state: SandboxState, upgrade: UpgradeRecord): void {
  const service = findService(state, upgrade.relid);
  const [optionId] = upgrade.originalvalue.split('=>');
  if (!service || optionId === undefined) return;
  service.configQty[optionId] = Number(upgrade.newvalue);
  service.amount += upgrade.recurringchange;
}

/** What WHMCS `doUpgrade` does once an upgrade is paid (or costs nothing). */
export function applyUpgrade(state: SandboxState, upgradeId: number): void {
  const upgrade = state.upgrades.find((candidate) => candidate.id === upgradeId);
  if (!upgrade || upgrade.status === 'Completed') return;
  if (upgrade.type === 'package') applyPackage(state, upgrade);
  else applyConfigOptions(state, upgrade);
  upgrade.paid = 'Y';
  upgrade.status = 'Completed';
}
