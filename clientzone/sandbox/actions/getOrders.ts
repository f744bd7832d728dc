import { gatewayName } from '../catalogue.js';
import { money } from '../money.js';
import { intParam, stringParam } from '../requestParams.js';
import type { OrderRecord, SandboxState } from '../sandboxState.js';
import type { ActionHandler, ApiResponse } from './actionTypes.js';

function paymentStatus(state: SandboxState, order: OrderRecord): string {
  const invoice = state.invoices.find((candidate) => candidate.id === order.invoiceid);
  return invoice?.status ?? '';
}

function orderRow(state: SandboxState, order: OrderRecord): ApiResponse {
  const upgrades = state.upgrades.filter((upgrade) => order.upgradeIds.includes(upgrade.id));
  return {
    id: order.id,
    ordernum: order.ordernum,
    userid: order.userid,
    contactid: 0,
    date: order.date,
    amount: money(order.amount),
    paymentmethod: order.paymentmethod,
    paymentmethodname: gatewayName(state, order.paymentmethod),
    invoiceid: order.invoiceid,
    status: order.status,
    paymentstatus: paymentStatus(state, order),
    currencyprefix: state.currency.prefix,
    currencysuffix: state.currency.suffix,
    lineitems: {
      lineitem: upgrades.map((upgrade) => ({
        type: 'upgrade',
        relid: upgrade.id,
        producttype: 'Upgrade',
        product: upgrade.type === 'package' ? 'Package Upgrade' : 'Configurable Options Upgrade',
        amount: money(upgrade.amount),
        status: upgrade.status,
      })),
    },
  };
}

/** GetOrders (upgrade orders only: seeded services carry no order records). */
export const getOrders: ActionHandler = ({ store, params }) => {
  const state = store.state;
  const id = intParam(params, 'id');
  const userId = intParam(params, 'userid');
  const status = stringParam(params, 'status');
  const found = state.orders
    .filter((order) => (!id || order.id === id) && (!userId || order.userid === userId))
    .filter((order) => !status || order.status === status)
    .sort((a, b) => b.id - a.id);
  const start = Math.max(intParam(params, 'limitstart'), 0);
  const page = found.slice(start, start + (intParam(params, 'limitnum') || 25));
  return {
    totalresults: found.length,
    startnumber: start,
    numreturned: page.length,
    orders: page.length === 0 ? '' : { order: page.map((order) => orderRow(state, order)) },
  };
};
