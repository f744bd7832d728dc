import type { CatalogueProduct, ClientService } from '../../clientzone/types.js';
import type { UpgradeInput } from '../../machines/upgradeTypes.js';

export const ACCOUNT_OPTION_ID = 77;

export function oxService(overrides: Partial<ClientService> = {}): ClientService {
  return {
    id: 501,
    pid: 1,
    gid: null,
    name: 'OX Mail Starter',
    groupName: 'OX Mail',
    domain: 'contoh.co.id',
    status: 'Active',
    billingCycle: 'annually',
    nextDueDate: '2027-06-01',
    recurringAmount: 250000,
    paymentMethod: 'banktransfer',
    configOptions: [
      { id: ACCOUNT_OPTION_ID, option: 'Jumlah Akun Email', type: 'quantity', value: '5' },
    ],
    ...overrides,
  };
}

export const HOSTING_SERVICE: ClientService = {
  ...oxService({
    id: 900,
    pid: 10,
    name: 'Cloud Hosting',
    groupName: 'Web Hosting',
    domain: 'toko.id',
  }),
  configOptions: [],
};

function product(
  pid: number,
  gid: number,
  name: string,
  monthly: number,
  annually: number,
): CatalogueProduct {
  return {
    pid,
    gid,
    name,
    description: '',
    pricing: { IDR: { monthly, annually } },
    configOptions: [
      {
        id: ACCOUNT_OPTION_ID,
        name: 'Jumlah Akun Email',
        type: '4',
        minQty: 1,
        maxQty: 50,
        unitPricing: { IDR: { monthly: 10000, annually: 100000 } },
      },
    ],
  };
}

export const CATALOGUE: CatalogueProduct[] = [
  product(1, 1, 'OX Mail Starter', 25000, 250000),
  product(2, 1, 'OX Mail Business', 50000, 500000),
  product(3, 1, 'OX Mail Enterprise', 100000, 1000000),
];

export const INPUT: UpgradeInput = {
  clientId: 1001,
  productGroupId: 1,
  paymentMethod: 'banktransfer',
  currencyCode: 'IDR',
  apiTimeoutMs: 2000,
};

export function quote(overrides: Partial<{ price: number; upgradeInProgress: boolean }> = {}) {
  return {
    price: 125000,
    priceFormatted: 'Rp125.000',
    daysUntilRenewal: 180,
    totalDays: 365,
    newProductName: 'OX Mail Business',
    upgradeInProgress: false,
    ...overrides,
  };
}

export const PENDING_INVOICE = { id: 7001, total: 125000, dueDate: '2026-11-26', status: 'Unpaid' };
