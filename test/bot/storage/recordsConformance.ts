import { expect } from 'chai';
import type { KeyValueRecords } from '../../../bot/storage/kvRecords.js';
import type { ProcessedActivities } from '../../../bot/storage/processedActivities.js';

export interface RecordsUnderTest {
  processed: ProcessedActivities;
  records: KeyValueRecords;
  /** Another instance on the same database, as another bot process would have. */
  secondProcessed: ProcessedActivities;
  cleanup(): Promise<void>;
}

/** What ProcessedActivities and KeyValueRecords promise on every engine, concurrency included. */
export function describeRecordsConformance(
  engineName: string,
  create: (now: () => number) => Promise<RecordsUnderTest>,
): void {
  describe(`Records conformance: ${engineName}`, function () {
    let subject: RecordsUnderTest;
    let now: number;

    beforeEach(async function () {
      now = Date.UTC(2024, 4, 1);
      subject = await create(() => now);
    });

    afterEach(async function () {
      await subject.cleanup();
    });

    it('when two processes mark the same activity id at once, then exactly one is new', async function () {
      const { processed, secondProcessed } = subject;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? processed : secondProcessed).markProcessed('act-1', 'conv-1'),
        ),
      );

      expect(results.filter(Boolean)).to.have.length(1);
      expect(await processed.markProcessed('act-1', 'conv-2')).to.equal(true);
    });

    it('when pruning activities, then only older ones go and can be processed again', async function () {
      await subject.processed.markProcessed('old', 'conv-1');
      now += 60_000;
      await subject.processed.markProcessed('recent', 'conv-1');
      now += 30_000;

      expect(await subject.processed.prune(45_000)).to.equal(1);
      expect(await subject.processed.markProcessed('old', 'conv-1')).to.equal(true);
      expect(await subject.processed.markProcessed('recent', 'conv-1')).to.equal(false);
    });

    it('when records are put, replaced and deleted, then get follows and copies are JSON', async function () {
      const { records } = subject;
      const value = { invoiceId: 42, at: new Date('2024-05-01T10:00:00.000Z') };
      await records.put('ns', 'key', value);
      await records.put('other', 'key', 'b');
      expect(await records.get('ns', 'key')).to.deep.equal({
        invoiceId: 42,
        at: '2024-05-01T10:00:00.000Z',
      });
      await records.put('ns', 'key', 7);
      expect(await records.get('ns', 'key')).to.equal(7);
      await records.delete('ns', 'key');
      await records.delete('ns', 'key');
      expect(await records.get('ns', 'key')).to.equal(undefined);
      expect(await records.get('other', 'key')).to.equal('b');
    });

    it('when listing by prefix, then matches are literal, case-sensitive and in byte order', async function () {
      const { records } = subject;
      const keys = ['c/b', 'c/a', 'C/upper', 'c0/other', 'c/\u00e9', 'c/Z', 'c/%_', 'c/\u0000x'];
      for (const key of keys) await records.put('ns', key, key);
      await records.put('other', 'c/x', 'elsewhere');

      const listed = await records.list<string>('ns', 'c/');

      const expected = ['c/\u0000x', 'c/%_', 'c/Z', 'c/a', 'c/b', 'c/\u00e9'];
      expect(listed).to.deep.equal(expected.map((key) => ({ key, value: key })));
      expect(await records.list('ns', 'c/%')).to.deep.equal([{ key: 'c/%_', value: 'c/%_' }]);
      expect(await records.list('ns')).to.have.length(keys.length);
    });

    it('when pruning a namespace, then only its records written before the limit go', async function () {
      const { records } = subject;
      await records.put('ns', 'old', 1);
      await records.put('kept-ns', 'old', 1);
      now += 60_000;
      await records.put('ns', 'recent', 2);
      now += 30_000;

      expect(await records.prune('ns', 45_000)).to.equal(1);
      expect(await records.list('ns')).to.deep.equal([{ key: 'recent', value: 2 }]);
      expect(await records.get('kept-ns', 'old')).to.equal(1);
    });

    it('when the value is not JSON-serialisable, then put rejects with a TypeError', async function () {
      let error: unknown;
      await subject.records.put('ns', 'key', undefined).catch((caught) => (error = caught));

      expect(error).to.be.instanceOf(TypeError);
    });
  });
}
