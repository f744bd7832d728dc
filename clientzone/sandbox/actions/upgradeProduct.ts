import { SandboxApiError } from '../apiError.js';
import { jakartaDate } from '../calendar.js';
import { findService } from '../catalogue.js';
import { formatCurrency } from '../money.js';
import { arrayParam, intParam, isPhpEmpty, stringParam, type ApiParams } from '../requestParams.js';
import type { CurrencyRecord, SandboxState, ServiceRecord } from '../sandboxState.js';
import { placeUpgrade, type PlacedOrder } from '../upgradeOrders.js';
import {
  assertUpgradable,
  hasUnpaidUpgrade,
  planConfigUpgrade,
  planPackageUpgrade,
  type UpgradePlan,
} from '../upgradeRules.js';
import type { ActionHandler, ApiResponse } from './actionTypes.js';

export const UPGRADE_PENDING_MESSAGE =
  'Unable to accept upgrade order. Previous upgrade invoice for service is still unpaid.';

function buildPlan(
  state: SandboxState,
  service: ServiceRecord,
  params: ApiParams,
  today: string,
): UpgradePlan {
  const type = stringParam(params, 'type');
  if (type === 'product') {
    const newPid = intParam(params, 'newproductid');
    const cycle = stringParam(params, 'newproductbillingcycle');
    return planPackageUpgrade(state, service, newPid, cycle, today);
  }
  if (type === 'configoptions') {
    return planConfigUpgrade(state, service, arrayParam(params, 'configoptions'), today);
  }
  throw new SandboxApiError('Invalid Upgrade Type');
}

/** The quote fields: product upgrades answer flat, config option upgrades numbered per option. */
function planFields(plan: UpgradePlan, currency: CurrencyRecord): ApiResponse {
  if (plan.kind === 'package') {
    return {
      oldproductid: plan.oldProduct.pid,
      oldproductname: plan.oldProduct.name,
      newproductid: plan.newProduct.pid,
      newproductname: plan.newProduct.name,
      daysuntilrenewal: plan.daysUntilRenewal,
      totaldays: plan.totalDays,
      newproductbillingcycle: plan.newCycleRaw,
      price: formatCurrency(plan.price, currency),
    };
  }
  const fields: ApiResponse = {};
  plan.changes.forEach((change, index) => {
    fields[`configname${index + 1}`] = change.option.name;
    fields[`originalvalue${index + 1}`] = change.oldQty;
    fields[`newvalue${index + 1}`] = `${change.newQty} x ${change.option.subOptionName}`;
    fields[`price${index + 1}`] = formatCurrency(change.price, currency);
  });
  fields.subtotal = formatCurrency(plan.total, currency);
  fields.discount = formatCurrency(0, currency);
  fields.total = formatCurrency(plan.total, currency);
  return fields;
}

function assertPaymentMethod(state: SandboxState, paymentMethod: string): void {
  const modules = state.gateways.map((gateway) => gateway.module);
  if (!modules.includes(paymentMethod)) {
    throw new SandboxApiError(`Invalid Payment Method. Valid options include ${modules.join(',')}`);
  }
}

function placedFields(serviceId: number, placed: PlacedOrder): ApiResponse {
  return {
    id: serviceId,
    orderid: placed.order.id,
    order_number: Number(placed.order.ordernum),
    invoiceid: placed.invoice?.id ?? null,
  };
}

/**
 * UpgradeProduct. As in WHMCS, any non-empty `calconly` (even `false`) only quotes, and
 * `upgradeinprogress` is an integer (0 or 1).
 */
export const upgradeProduct: ActionHandler = ({ store, params, now }) => {
  const serviceId = intParam(params, 'serviceid');
  const service = findService(store.state, serviceId);
  if (!service) throw new SandboxApiError('Service ID Not Found');
  const checkout = isPhpEmpty(stringParam(params, 'calconly'));
  const inProgress = hasUnpaidUpgrade(store.state, serviceId);
  const paymentMethod = stringParam(params, 'paymentmethod');
  if (checkout && inProgress) throw new SandboxApiError(UPGRADE_PENDING_MESSAGE);
  if (checkout) assertPaymentMethod(store.state, paymentMethod);
  assertUpgradable(service);
  const today = jakartaDate(now);
  if (!checkout) {
    const plan = buildPlan(store.state, service, params, today);
    return { ...planFields(plan, store.state.currency), upgradeinprogress: inProgress ? 1 : 0 };
  }
  return store.mutate((draft) => {
    const target = findService(draft, serviceId);
    if (!target) throw new SandboxApiError('Service ID Not Found');
    const plan = buildPlan(draft, target, params, today);
    const placed = placeUpgrade(draft, target, plan, paymentMethod, now);
    return { ...planFields(plan, draft.currency), ...placedFields(serviceId, placed) };
  });
};
