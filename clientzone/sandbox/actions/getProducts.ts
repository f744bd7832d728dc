import { CYCLE_KEYS } from '../billingCycles.js';
import { productConfigOptions } from '../catalogue.js';
import { money } from '../money.js';
import { intParam, stringParam } from '../requestParams.js';
import type {
  ConfigOptionRecord,
  CyclePrices,
  ProductRecord,
  SandboxState,
} from '../sandboxState.js';
import type { ActionHandler, ApiResponse } from './actionTypes.js';

const SETUP_FEES = {
  msetupfee: '0.00',
  qsetupfee: '0.00',
  ssetupfee: '0.00',
  asetupfee: '0.00',
  bsetupfee: '0.00',
  tsetupfee: '0.00',
};

function cyclePricing(prices: CyclePrices): Record<string, string> {
  const row: Record<string, string> = { ...SETUP_FEES };
  for (const cycle of CYCLE_KEYS) row[cycle] = money(prices[cycle]);
  return row;
}

function configOptionRow(state: SandboxState, option: ConfigOptionRecord): ApiResponse {
  return {
    id: option.id,
    name: option.name,
    type: String(option.optionType),
    minqty: option.minQty,
    maxqty: option.maxQty,
    options: {
      option: [
        {
          id: option.subOptionId,
          name: option.subOptionName,
          rawName: option.subOptionName,
          recurring: 0,
          required: false,
          pricing: { [state.currency.code]: cyclePricing(option.pricing) },
        },
      ],
    },
  };
}

function productRow(state: SandboxState, product: ProductRecord): ApiResponse {
  const { code, prefix, suffix } = state.currency;
  return {
    pid: product.pid,
    gid: product.gid,
    type: product.type,
    name: product.name,
    slug: product.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    product_url: '',
    description: product.description,
    module: product.module,
    paytype: 'recurring',
    pricing: { [code]: { prefix, suffix, ...cyclePricing(product.pricing) } },
    customfields: { customfield: [] },
    configoptions: {
      configoption: productConfigOptions(state, product).map((option) =>
        configOptionRow(state, option),
      ),
    },
  };
}

function requestedPids(raw: string): number[] {
  return raw
    .split(',')
    .map((part) => Number.parseInt(part.trim(), 10))
    .filter((pid) => !Number.isNaN(pid) && pid > 0);
}

/** GetProducts: filtered by `pid` (one or a comma list) and `gid`; no products, no key. */
export const getProducts: ActionHandler = ({ store, params }) => {
  const state = store.state;
  const pids = requestedPids(stringParam(params, 'pid'));
  const gid = intParam(params, 'gid');
  const module = stringParam(params, 'module');
  const products = state.products.filter(
    (product) =>
      (pids.length === 0 || pids.includes(product.pid)) &&
      (!gid || product.gid === gid) &&
      (!module || product.module === module),
  );
  const response: ApiResponse = { totalresults: products.length };
  if (products.length > 0) {
    response.products = { product: products.map((product) => productRow(state, product)) };
  }
  return response;
};
