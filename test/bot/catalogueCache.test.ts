import { expect } from 'chai';
import { CatalogueCache } from '../../bot/accountEffects.js';
import { AppError } from '../../clientzone/appError.js';
import type { ClientzoneApi } from '../../clientzone/clientzoneApi.js';
import type { CatalogueProduct } from '../../clientzone/types.js';

function countingApi(results: (CatalogueProduct[] | Error)[]): ClientzoneApi & { calls: number } {
  const api = {
    calls: 0,
    getProducts: async () => {
      const result = results[api.calls] ?? [];
      api.calls += 1;
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return api as unknown as ClientzoneApi & { calls: number };
}

describe('CatalogueCache', () => {
  it('when flows start within five minutes, then the catalogue is fetched once', async () => {
    let now = 0;
    const api = countingApi([[], []]);
    const cache = new CatalogueCache(api, () => now);
    await cache.get(1);
    now = 4 * 60_000;
    await cache.get(1);
    expect(api.calls).to.equal(1);
    now = 6 * 60_000;
    await cache.get(1);
    expect(api.calls).to.equal(2);
  });

  it('when fetching the catalogue failed, then the next flow asks Clientzone again', async () => {
    const api = countingApi([new AppError('CLIENTZONE_UNAVAILABLE', 'down'), []]);
    const cache = new CatalogueCache(api, () => 0);
    await cache.get(1).catch(() => undefined);
    await cache.get(1);
    expect(api.calls).to.equal(2);
  });
});
