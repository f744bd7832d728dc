import { expect } from 'chai';
import type { Storage } from 'botbuilder';
import {
  conflictOf,
  expectConflict,
  mustRead,
  readOne,
  withoutETag,
  type StorageUnderTest,
} from './storageConformanceHelpers.js';

/** MemoryStorage's eTag rules, with STORAGE_CONFLICT errors and atomic batches. */
export function describeETagConformance(use: () => StorageUnderTest): void {
  describe('eTags', function () {
    let storage: Storage;

    beforeEach(function () {
      storage = use().storage;
    });

    it('when an item is written repeatedly, then its eTag changes on every write', async function () {
      const seen = new Set<string>();
      for (let i = 0; i < 5; i += 1) {
        await storage.write({ key: { i, eTag: '*' } });
        seen.add(String((await mustRead(storage, 'key')).eTag));
      }
      expect(seen.size).to.equal(5);
    });

    it('when written with the current eTag, then the write succeeds', async function () {
      await storage.write({ key: { v: 1 } });
      const read = await mustRead(storage, 'key');

      await storage.write({ key: { ...read, v: 2 } });

      const after = await mustRead(storage, 'key');
      expect(withoutETag(after)).to.deep.equal({ v: 2 });
      expect(after.eTag).to.not.equal(read.eTag);
    });

    it('when written with a stale eTag, then it rejects with STORAGE_CONFLICT and keeps the value', async function () {
      await storage.write({ key: { v: 1 } });
      const stale = await mustRead(storage, 'key');
      await storage.write({ key: { ...stale, v: 2 } });
      const current = await mustRead(storage, 'key');

      expectConflict(await conflictOf(storage.write({ key: { ...stale, v: 3 } })));

      expect(await readOne(storage, 'key')).to.deep.equal(current);
    });

    it('when the caller re-writes the object it wrote, then its old eTag conflicts', async function () {
      await storage.write({ key: { v: 1 } });
      const read = await mustRead(storage, 'key');
      const loadedETag = read.eTag;
      await storage.write({ key: read });

      expect(read.eTag).to.equal(loadedETag);
      expectConflict(await conflictOf(storage.write({ key: read })));
    });

    for (const [label, eTag] of [
      ["'*'", '*'],
      ['an empty string', ''],
      ['missing', undefined],
    ] as const) {
      it(`when the eTag is ${label}, then the stored item is overwritten`, async function () {
        await storage.write({ key: { v: 1 } });
        await storage.write({ key: { v: 2 } });

        await storage.write({ key: eTag === undefined ? { v: 3 } : { v: 3, eTag } });

        expect(withoutETag(await readOne(storage, 'key'))).to.deep.equal({ v: 3 });
      });
    }

    it('when the key does not exist, then a write with any eTag creates it', async function () {
      await storage.write({ fresh: { v: 1, eTag: 'absent' } });

      expect(withoutETag(await readOne(storage, 'fresh'))).to.deep.equal({ v: 1 });
      expectConflict(await conflictOf(storage.write({ fresh: { v: 2, eTag: 'absent' } })));
    });

    it('when one item of a batch conflicts, then no item of the batch is written', async function () {
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      const before = await storage.read(['a', 'b', 'c']);

      const batch = {
        a: { v: 2, eTag: '*' },
        b: { v: 2, eTag: 'stale-etag' },
        c: { v: 2 },
      };
      expectConflict(await conflictOf(storage.write(batch)));

      expect(await storage.read(['a', 'b', 'c'])).to.deep.equal(before);
    });
  });
}
