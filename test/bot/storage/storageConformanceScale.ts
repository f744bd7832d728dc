import { expect } from 'chai';
import type { Storage, StoreItem } from 'botbuilder';
import {
  FIVE_MB,
  UNUSUAL_KEYS,
  expectConflict,
  incrementWithRetry,
  mustRead,
  withoutETag,
  type StorageUnderTest,
} from './storageConformanceHelpers.js';

/** Any key is stored verbatim; large documents fit. */
function describeKeysConformance(use: () => StorageUnderTest): void {
  describe('keys and sizes', function () {
    let storage: Storage;

    beforeEach(function () {
      storage = use().storage;
    });

    it('when keys contain slashes, quotes, %, whitespace, unicode or 1,000+ chars, then each round-trips', async function () {
      const changes = Object.fromEntries(UNUSUAL_KEYS.map((key, i) => [key, { i, key }]));
      await storage.write(changes);

      const items = await storage.read([...UNUSUAL_KEYS, '100%', 'emoji']);

      expect(Object.keys(items).sort()).to.deep.equal([...UNUSUAL_KEYS].sort());
      UNUSUAL_KEYS.forEach((key, i) => {
        expect(withoutETag(items[key] as StoreItem)).to.deep.equal({ i, key });
      });
    });

    it('when keys differ only in case or a wildcard character, then they stay distinct', async function () {
      await storage.write({ 'a%': { v: 1 }, ab: { v: 2 }, A_: { v: 3 }, a_: { v: 4 } });

      await storage.delete(['a%', 'A_']);

      expect(Object.keys(await storage.read(['a%', 'ab', 'A_', 'a_'])).sort()).to.deep.equal([
        'a_',
        'ab',
      ]);
    });

    it('when a 5 MB document is written, then it round-trips', async function () {
      const body = 'x'.repeat(FIVE_MB);
      await storage.write({ big: { body, tail: 'end' } });

      const read = await mustRead(storage, 'big');

      expect(read.body).to.have.length(FIVE_MB);
      expect(read.body === body && read.tail === 'end').to.equal(true);
    });
  });
}

/** Concurrent writers, on one instance or two, never lose an update. */
function describeConcurrencyConformance(use: () => StorageUnderTest): void {
  describe('concurrency', function () {
    let storage: Storage;
    let subject: StorageUnderTest;

    beforeEach(function () {
      subject = use();
      storage = subject.storage;
    });

    it('when two writers hold the same eTag and both write, then exactly one succeeds', async function () {
      const other = subject.second ?? storage;
      await storage.write({ race: { v: 0 } });
      const [mine, theirs] = [await mustRead(storage, 'race'), await mustRead(other, 'race')];
      expect(mine.eTag).to.equal(theirs.eTag);

      const results = await Promise.allSettled([
        storage.write({ race: { ...mine, v: 'first' } }),
        other.write({ race: { ...theirs, v: 'second' } }),
      ]);

      const won = results.findIndex((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      expect(lost).to.have.length(1);
      expectConflict((lost[0] as PromiseRejectedResult).reason);
      const stored = await mustRead(other, 'race');
      expect(stored.v).to.equal(won === 0 ? 'first' : 'second');
    });

    it('when 50 distinct keys are written in parallel, then all of them land', async function () {
      const keys = Array.from({ length: 50 }, (_, i) => `parallel/${i}`);
      const writers = [storage, subject.second ?? storage];

      await Promise.all(keys.map((key, i) => writers[i % 2].write({ [key]: { i } })));

      const items = await storage.read(keys);
      expect(keys.map((key) => (items[key] as StoreItem | undefined)?.i)).to.deep.equal(
        keys.map((_, i) => i),
      );
    });

    it('when 20 read-modify-write loops increment one counter with retries, then it ends at 20', async function () {
      const writers = [storage, subject.second ?? storage];

      await Promise.all(
        Array.from({ length: 20 }, (_, i) => incrementWithRetry(writers[i % 2], 'counter')),
      );

      expect((await mustRead(storage, 'counter')).count).to.equal(20);
    });
  });
}

/** Unusual keys, large documents and concurrent writers. */
export function describeScaleConformance(use: () => StorageUnderTest): void {
  describeKeysConformance(use);
  describeConcurrencyConformance(use);
}
