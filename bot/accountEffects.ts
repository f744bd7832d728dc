import { fromPromise } from 'xstate';
import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import type { LoadAccountOutput } from '../machines/upgradeMachine.js';

/** The `loadAccount` actor every flow uses: the client's services and the package catalogue. */
export function loadAccountActor(api: ClientzoneApi) {
  return fromPromise<LoadAccountOutput, { clientId: number; productGroupId: number }>(
    async ({ input, signal }) => {
      const [services, catalogue] = await Promise.all([
        api.getClientServices(input.clientId, { signal }),
        api.getProducts(input.productGroupId, { signal }),
      ]);
      return { services, catalogue };
    },
  );
}
