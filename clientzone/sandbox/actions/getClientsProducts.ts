import { cycleDisplayName } from '../billingCycles.js';
import { UNSET_DATE, UNSET_DATETIME } from '../calendar.js';
import { gatewayName, groupName, productConfigOptions, requireProduct } from '../catalogue.js';
import { money } from '../money.js';
import { intParam, stringParam, type ApiParams } from '../requestParams.js';
import type { SandboxState, ServiceRecord } from '../sandboxState.js';
import type { ActionHandler, ApiResponse } from './actionTypes.js';

/** Fields the sandbox has no use for, with the values WHMCS gives a service without a server. */
const SERVER_FIELDS = {
  dedicatedip: '',
  serverid: '0',
  servername: '',
  serverip: null,
  serverhostname: null,
};

const UNUSED_FIELDS = {
  username: '',
  password: '',
  subscriptionid: '',
  promoid: '0',
  overideautosuspend: '0',
  overidesuspenduntil: UNSET_DATE,
  ns1: '',
  ns2: '',
  assignedips: '',
  notes: '',
  diskusage: '0',
  disklimit: '0',
  bwusage: '0',
  bwlimit: '0',
  lastupdate: UNSET_DATETIME,
};

function configOptionsOf(state: SandboxState, service: ServiceRecord) {
  const product = requireProduct(state, service.pid);
  return productConfigOptions(state, product).map((option) => ({
    id: option.id,
    option: option.name,
    type: 'quantity',
    value: String(service.configQty[option.id] ?? 0),
  }));
}

/** One row as WHMCS returns it: database strings, display-form cycle, and no `gid`. */
function serviceRow(state: SandboxState, service: ServiceRecord): ApiResponse {
  const product = requireProduct(state, service.pid);
  return {
    id: String(service.id),
    clientid: String(service.userid),
    orderid: String(service.orderid),
    ordernumber: service.ordernum,
    pid: String(service.pid),
    regdate: service.regdate,
    name: product.name,
    translated_name: product.name,
    groupname: groupName(state, product.gid),
    translated_groupname: groupName(state, product.gid),
    domain: service.domain,
    ...SERVER_FIELDS,
    suspensionreason: service.status === 'Suspended' ? 'Overdue on Payment' : '',
    firstpaymentamount: money(service.firstpaymentamount),
    recurringamount: money(service.amount),
    paymentmethod: service.paymentmethod,
    paymentmethodname: gatewayName(state, service.paymentmethod),
    billingcycle: cycleDisplayName(service.billingcycle),
    nextduedate: service.nextduedate,
    status: service.status,
    ...UNUSED_FIELDS,
    customfields: { customfield: [] },
    configoptions: { configoption: configOptionsOf(state, service) },
  };
}

function matches(service: ServiceRecord, params: ApiParams): boolean {
  const clientId = intParam(params, 'clientid');
  const serviceId = intParam(params, 'serviceid');
  const pid = intParam(params, 'pid');
  const domain = stringParam(params, 'domain');
  return (
    (!clientId || service.userid === clientId) &&
    (!serviceId || service.id === serviceId) &&
    (!pid || service.pid === pid) &&
    (!domain || service.domain === domain)
  );
}

/** GetClientsProducts: `totalresults` is a string and an empty list is `""`. */
export const getClientsProducts: ActionHandler = ({ store, params }) => {
  const state = store.state;
  const found = state.services.filter((service) => matches(service, params));
  const start = Math.max(intParam(params, 'limitstart'), 0);
  const limit = intParam(params, 'limitnum') || 999999;
  const page = found.slice(start, start + limit);
  const echo = (key: string) => (key in params ? stringParam(params, key) : null);
  return {
    clientid: echo('clientid'),
    serviceid: echo('serviceid'),
    pid: echo('pid'),
    domain: echo('domain'),
    totalresults: String(found.length),
    startnumber: start,
    numreturned: page.length,
    products:
      found.length === 0 ? '' : { product: page.map((service) => serviceRow(state, service)) },
  };
};
