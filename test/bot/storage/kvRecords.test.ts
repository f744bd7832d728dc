import type { Database } from 'better-sqlite3';
import { expect } from 'chai';
import { SqliteKeyValueRecords } from '../../../bot/storage/kvRecords.js';
import { openSqliteDatabase } from '../../../bot/storage/sqliteDatabase.js';

interface PlacedInvoice {
  invoiceId: number;
  placedAt: string;
}

describe('SqliteKeyValueRecords', function () {
  let db: Database;
  let records: SqliteKeyValueRecords;

  beforeEach(function () {
    db = openSqliteDatabase({ file: ':memory:' });
    records = new SqliteKeyValueRecords(db);
  });

  afterEach(function () {
    db.close();
  });

  it('when a record was never put, then get returns undefined', async function () {
    expect(await records.get('upgradeInvoice', 'service-1')).to.equal(undefined);
  });

  it('when a record is put, then get returns an equal JSON copy', async function () {
    const invoice: PlacedInvoice = { invoiceId: 42, placedAt: '2024-05-01T10:00:00.000Z' };
    await records.put('upgradeInvoice', 'service-1', invoice);

    const read = await records.get<PlacedInvoice>('upgradeInvoice', 'service-1');

    expect(read).to.deep.equal(invoice);
    expect(read).to.not.equal(invoice);
  });

  it('when a record is put twice, then the second value replaces the first', async function () {
    await records.put('upgradeInvoice', 'service-1', { invoiceId: 1 });
    await records.put('upgradeInvoice', 'service-1', { invoiceId: 2 });

    expect(await records.get('upgradeInvoice', 'service-1')).to.deep.equal({ invoiceId: 2 });
  });

  it('when the same key is used in two namespaces, then the records are separate', async function () {
    await records.put('upgradeInvoice', 'service-1', 'a');
    await records.put('downgradeTicket', 'service-1', 'b');

    expect(await records.get('upgradeInvoice', 'service-1')).to.equal('a');
    expect(await records.get('downgradeTicket', 'service-1')).to.equal('b');
  });

  it('when a record is deleted, then get returns undefined and deleting again is a no-op', async function () {
    await records.put('ns', 'key', 1);

    await records.delete('ns', 'key');
    await records.delete('ns', 'key');

    expect(await records.get('ns', 'key')).to.equal(undefined);
  });

  it('when listing with a prefix, then only that namespace and prefix are returned in key order', async function () {
    await records.put('ns', 'client-7/service-2', 2);
    await records.put('ns', 'client-7/service-1', 1);
    await records.put('ns', 'Client-7/upper', 0);
    await records.put('ns', 'client-70/other', 3);
    await records.put('other', 'client-7/service-3', 4);

    const listed = await records.list<number>('ns', 'client-7/');

    expect(listed).to.deep.equal([
      { key: 'client-7/service-1', value: 1 },
      { key: 'client-7/service-2', value: 2 },
    ]);
  });

  it('when the prefix contains LIKE wildcards or unicode, then it matches literally', async function () {
    await records.put('ns', '100%_off', 'literal');
    await records.put('ns', '100xyoff', 'wildcard');
    await records.put('ns', 'tagihan 🧾 Mei', 'unicode');

    expect(await records.list('ns', '100%_')).to.deep.equal([
      { key: '100%_off', value: 'literal' },
    ]);
    expect(await records.list('ns', 'tagihan 🧾')).to.deep.equal([
      { key: 'tagihan 🧾 Mei', value: 'unicode' },
    ]);
  });

  it('when listing without a prefix, then every record of the namespace is returned', async function () {
    await records.put('ns', 'b', 2);
    await records.put('ns', 'a', 1);

    expect(await records.list('ns')).to.deep.equal([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
  });

  it('when the value is not JSON-serialisable, then put rejects', async function () {
    let error: unknown;
    try {
      await records.put('ns', 'key', undefined);
    } catch (caught) {
      error = caught;
    }

    expect(error).to.be.instanceOf(TypeError);
  });
});
