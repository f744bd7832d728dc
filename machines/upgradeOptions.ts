import type { BillingCycle, CatalogueProduct, ClientService } from '../clientzone/types.js';
import type { ChoiceOption } from './conversationTypes.js';
import type {
  AccountLimits,
  PackageOffer,
  ServiceSummary,
  UpgradeContext,
} from './upgradeTypes.js';

/** WHMCS marks quantity options `quantity` on services and `4` in the catalogue. */
const QUANTITY_TYPES = new Set(['quantity', '4']);

type CataloguePackage = UpgradeContext['packages'][number];

/** Keeps only what the flow needs from the catalogue: names, prices in the client's currency, the account option. */
export function summariseCatalogue(
  catalogue: CatalogueProduct[],
  currencyCode: string,
): Pick<UpgradeContext, 'packages' | 'accountOption'> {
  const packages: CataloguePackage[] = catalogue.map((product) => ({
    pid: product.pid,
    name: product.name,
    prices: product.pricing[currencyCode] ?? {},
  }));
  const quantity = catalogue
    .flatMap((product) => product.configOptions)
    .find((option) => QUANTITY_TYPES.has(option.type.toLowerCase()));
  return {
    packages,
    accountOption: quantity
      ? { id: quantity.id, min: quantity.minQty, max: quantity.maxQty }
      : null,
  };
}

/** The customer's services of the OX Mail group only; services of other groups are never offered. */
export function summariseServices(
  services: ClientService[],
  catalogue: CatalogueProduct[],
  productGroupId: number,
): ServiceSummary[] {
  const groupPids = new Set(catalogue.filter((p) => p.gid === productGroupId).map((p) => p.pid));
  return services
    .filter(
      (service) => groupPids.has(service.pid) && (service.gid ?? productGroupId) === productGroupId,
    )
    .map((service) => ({
      id: service.id,
      pid: service.pid,
      productName: service.name,
      domain: service.domain,
      status: service.status,
      billingCycle: service.billingCycle,
      nextDueDate: service.nextDueDate,
      accounts: currentAccounts(service),
    }));
}

function currentAccounts(service: ClientService): number | null {
  const option = service.configOptions.find((o) => QUANTITY_TYPES.has(o.type.toLowerCase()));
  if (!option) return null;
  const value = Number(option.value);
  return Number.isFinite(value) ? value : null;
}

/** Packages priced higher than the current one for the service's billing cycle, cheapest first. */
export function packagesAbove(
  service: ServiceSummary,
  packages: CataloguePackage[],
): PackageOffer[] {
  const cycle = service.billingCycle;
  if (!cycle) return [];
  const currentPrice = packages.find((p) => p.pid === service.pid)?.prices[cycle];
  if (currentPrice === undefined) return [];
  return offersFor(cycle, packages).filter((offer) => offer.price > currentPrice);
}

/** Packages priced lower than the current one for the service's billing cycle, dearest first. */
export function packagesBelow(
  service: ServiceSummary,
  packages: CataloguePackage[],
): PackageOffer[] {
  const cycle = service.billingCycle;
  if (!cycle) return [];
  const currentPrice = packages.find((p) => p.pid === service.pid)?.prices[cycle];
  if (currentPrice === undefined) return [];
  return offersFor(cycle, packages)
    .filter((offer) => offer.price < currentPrice)
    .reverse();
}

function offersFor(cycle: BillingCycle, packages: CataloguePackage[]): PackageOffer[] {
  return packages
    .flatMap((p) => {
      const price = p.prices[cycle];
      return price === undefined ? [] : [{ pid: p.pid, name: p.name, price }];
    })
    .sort((a, b) => a.price - b.price);
}

/** The account option's bounds for this service, or null when it has none. */
export function accountLimits(
  service: ServiceSummary,
  option: UpgradeContext['accountOption'],
): AccountLimits | null {
  if (!option || service.accounts === null) return null;
  return { optionId: option.id, current: service.accounts, min: option.min, max: option.max };
}

/** Why a requested number of accounts to add is not acceptable, or null when it is. */
export function invalidAddReason(
  add: number,
  limits: AccountLimits,
): 'notWhole' | 'tooSmall' | 'tooLarge' | null {
  if (!Number.isFinite(add) || !Number.isInteger(add)) return 'notWhole';
  if (add < 1) return 'tooSmall';
  if (limits.current + add > limits.max) return 'tooLarge';
  return null;
}

/** Words that select a package when typed: its full name and the name without the product prefix. */
export function packageSynonyms(name: string): string[] {
  const short = name.replace(/^ox\s*mail\s*/i, '').trim();
  return short && short.toLowerCase() !== name.toLowerCase() ? [name, short] : [name];
}

export function serviceChoices(services: ServiceSummary[]): ChoiceOption[] {
  return services.map((service) => ({
    value: String(service.id),
    label: { key: 'label.service', domain: service.domain, productName: service.productName },
    synonyms: [service.domain, String(service.id)],
  }));
}

export function packageChoices(
  offers: PackageOffer[],
  cycle: BillingCycle,
  currencyCode: string,
): ChoiceOption[] {
  return offers.map((offer) => ({
    value: String(offer.pid),
    label: { key: 'label.package', name: offer.name, price: offer.price, cycle, currencyCode },
    synonyms: packageSynonyms(offer.name),
  }));
}
