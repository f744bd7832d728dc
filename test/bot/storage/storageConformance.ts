import { expect } from 'chai';
import type { Storage, StoreItem } from 'botbuilder';
import {
  mustRead,
  readOne,
  withoutETag,
  type StorageUnderTest,
} from './storageConformanceHelpers.js';
import { describeETagConformance } from './storageConformanceETags.js';
import { describeScaleConformance } from './storageConformanceScale.js';

export type { StorageUnderTest } from './storageConformanceHelpers.js';

/**
 * The botbuilder `Storage` contract every engine must meet: MemoryStorage's semantics, plus an
 * atomic write batch, STORAGE_CONFLICT AppErrors and safety across instances.
 */
export function describeStorageConformance(
  engineName: string,
  createStorage: () => Promise<StorageUnderTest>,
): void {
  describe(`Storage conformance: ${engineName}`, function () {
    let subject: StorageUnderTest;

    beforeEach(async function () {
      subject = await createStorage();
    });

    afterEach(async function () {
      await subject.cleanup();
    });

    describeReadWriteConformance(() => subject);
    describeETagConformance(() => subject);
    describeDeleteConformance(() => subject);
    describeScaleConformance(() => subject);
  });
}

/** Reads return deep JSON copies of what was written. */
function describeReadWriteConformance(use: () => StorageUnderTest): void {
  describe('read and write', function () {
    let storage: Storage;

    beforeEach(function () {
      storage = use().storage;
    });

    it('when keys were never written, then read returns no entry for them', async function () {
      expect(await storage.read(['missing/a', 'missing/b'])).to.deep.equal({});
      expect(await storage.read([])).to.deep.equal({});
    });

    it('when an item is written, then read returns a deep JSON copy with an eTag', async function () {
      const item = {
        name: 'Ayu',
        at: new Date('2024-05-01T10:00:00.000Z'),
        nested: { list: [1, 'two', { three: true }], empty: null },
        gone: undefined,
      };
      await storage.write({ 'conv/1': item });

      const read = await mustRead(storage, 'conv/1');

      expect(read.eTag).to.be.a('string').and.not.equal('');
      expect(withoutETag(read)).to.deep.equal({
        name: 'Ayu',
        at: '2024-05-01T10:00:00.000Z',
        nested: { list: [1, 'two', { three: true }], empty: null },
      });
      expect(item).to.not.have.property('eTag');
    });

    it('when a read result or the written object is mutated, then the store is unchanged', async function () {
      const item = { nested: { count: 1 } };
      await storage.write({ key: item });
      item.nested.count = 99;
      const first = await mustRead(storage, 'key');
      first.nested.count = 42;

      expect(withoutETag(await readOne(storage, 'key'))).to.deep.equal({ nested: { count: 1 } });
    });

    it('when several keys are read, then only the stored ones are returned', async function () {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });

      const items = await storage.read(['a', 'missing', 'b']);

      expect(Object.keys(items).sort()).to.deep.equal(['a', 'b']);
      expect(withoutETag(items.a as StoreItem)).to.deep.equal({ v: 1 });
      expect(withoutETag(items.b as StoreItem)).to.deep.equal({ v: 2 });
    });
  });
}

/** Deletes are idempotent. */
function describeDeleteConformance(use: () => StorageUnderTest): void {
  describe('delete', function () {
    let storage: Storage;

    beforeEach(function () {
      storage = use().storage;
    });

    it('when keys do not exist, then delete is a no-op', async function () {
      await storage.write({ kept: { v: 1 } });

      await storage.delete(['missing/1', 'missing/2']);

      expect(withoutETag(await readOne(storage, 'kept'))).to.deep.equal({ v: 1 });
    });

    it('when an item is deleted, then read returns nothing and it can be written again', async function () {
      await storage.write({ gone: { v: 1 }, kept: { v: 1 } });
      const old = await mustRead(storage, 'gone');

      await storage.delete(['gone']);

      expect(await storage.read(['gone', 'kept'])).to.have.all.keys('kept');
      await storage.write({ gone: { ...old, v: 2 } });
      expect(withoutETag(await readOne(storage, 'gone'))).to.deep.equal({ v: 2 });
    });
  });
}
