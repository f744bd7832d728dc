import { expect } from 'chai';
import pino from 'pino';
import { PendingInvoiceFinder } from '../../bot/pendingInvoiceFinder.js';
import { SqliteKeyValueRecords, openSqliteDatabase } from '../../bot/storage/index.js';
import { provideUpgradeEffects } from '../../bot/upgradeEffects.js';
import { CatalogueCache } from '../../bot/accountEffects.js';
import type { ClientzoneApi } from '../../clientzone/clientzoneApi.js';
import { upgradeMachine } from '../../machines/upgradeMachine.js';

describe('provideUpgradeEffects', () => {
  it('when the bot provides the upgrade effects, then every actor stub of the machine is replaced', () => {
    const records = new SqliteKeyValueRecords(openSqliteDatabase({ file: ':memory:' }));
    const api = {} as ClientzoneApi;
    const provided = provideUpgradeEffects({
      api,
      catalogue: new CatalogueCache(api),
      records,
      pendingInvoices: new PendingInvoiceFinder(api, records),
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    });
    const stubs = upgradeMachine.implementations.actors;
    const real = provided.implementations.actors;
    expect(Object.keys(real).sort()).to.deep.equal(Object.keys(stubs).sort());
    for (const name of Object.keys(stubs)) {
      expect(real[name], name).to.not.equal(stubs[name]);
    }
  });
});
