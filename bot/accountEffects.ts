import { fromPromise } from 'xstate';
import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import type { CallOptions, CatalogueProduct } from '../clientzone/types.js';
import type { LoadAccountOutput } from '../machines/upgradeMachine.js';

/** Package prices change rarely; a flow started within this time reuses the catalogue. */
const CATALOGUE_TTL_MS = 5 * 60_000;

/** The OX Mail package catalogue, fetched at most once per TTL (failures are not cached). */
export class CatalogueCache {
  private entry: { groupId: number; at: number; products: Promise<CatalogueProduct[]> } | null =
    null;

  constructor(
    private readonly api: ClientzoneApi,
    private readonly now: () => number = Date.now,
  ) {}

  get(groupId: number, options?: CallOptions): Promise<CatalogueProduct[]> {
    const fresh =
      this.entry && this.entry.groupId === groupId && this.now() - this.entry.at < CATALOGUE_TTL_MS;
    if (fresh && this.entry) return this.entry.products;
    const products = this.api.getProducts(groupId, options);
    const entry = { groupId, at: this.now(), products };
    this.entry = entry;
    products.catch(() => {
      if (this.entry === entry) this.entry = null;
    });
    return products;
  }
}

/** The `loadAccount` actor every flow uses: the client's services and the package catalogue. */
export function loadAccountActor(api: ClientzoneApi, catalogue: CatalogueCache) {
  return fromPromise<LoadAccountOutput, { clientId: number; productGroupId: number }>(
    async ({ input, signal }) => {
      const [services, products] = await Promise.all([
        api.getClientServices(input.clientId, { signal }),
        catalogue.get(input.productGroupId),
      ]);
      return { services, catalogue: products };
    },
  );
}
