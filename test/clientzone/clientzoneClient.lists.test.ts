import { expect } from 'chai';

import { UNLIMITED_QUANTITY } from '../../clientzone/schemas/catalogueSchemas.js';
import { makeClient, onAction, replyRecording, useNock } from './clientzoneTestKit.js';

describe('ClientzoneClient catalogue, invoices, departments and tickets', () => {
  useNock();
  let bodies: URLSearchParams[];
  beforeEach(() => {
    bodies = [];
  });

  it('when the catalogue has -1.00 cycles, [] pricing and string quantities, then it is normalised', async () => {
    replyRecording(onAction('GetProducts'), 'getProducts', bodies);
    const products = await makeClient().getProducts(1);
    expect(bodies[0].get('gid')).to.equal('1');
    expect(products.map((product) => product.pid)).to.deep.equal([11, 12, 13]);
    expect(products[0].pricing).to.deep.equal({
      IDR: { monthly: 50000, semiannually: 270000, annually: 500000 },
    });
    expect(products[0].configOptions).to.deep.equal([
      {
        id: 77,
        name: 'Jumlah Akun Email',
        type: '4',
        minQty: 1,
        maxQty: 100,
        unitPricing: { IDR: { monthly: 2000, semiannually: 11000, annually: 20000 } },
      },
      {
        id: 79,
        name: 'Lokasi Server',
        type: '1',
        minQty: 0,
        maxQty: UNLIMITED_QUANTITY,
        unitPricing: {},
      },
    ]);
    expect(products[1].pricing.USD).to.deep.equal({ monthly: 6, annually: 60 });
    expect(products[1].configOptions[0]).to.include({ minQty: 0, maxQty: UNLIMITED_QUANTITY });
    expect(products[1].configOptions[0].unitPricing).to.deep.equal({
      IDR: { monthly: 2000, annually: 20000 },
    });
    expect(products[2]).to.deep.include({ pricing: {}, configOptions: [] });
  });

  it('when the group has no products (key missing), then the catalogue is empty', async () => {
    replyRecording(onAction('GetProducts'), 'getProducts.empty', bodies);
    expect(await makeClient().getProducts(9)).to.deep.equal([]);
  });

  it('when unpaid invoices are asked, then userid, status, limitnum are sent and dates normalised', async () => {
    replyRecording(onAction('GetInvoices'), 'getInvoices', bodies);
    const invoices = await makeClient().getUnpaidInvoices(1001);
    expect(bodies[0].get('userid')).to.equal('1001');
    expect(bodies[0].get('status')).to.equal('Unpaid');
    expect(bodies[0].get('limitnum')).to.equal('250');
    expect(invoices).to.deep.equal([
      {
        id: 9012,
        invoiceNum: '',
        date: '2025-11-18',
        dueDate: '2025-11-25',
        total: 150000,
        status: 'Unpaid',
        currencyPrefix: 'Rp',
        currencySuffix: '',
      },
      {
        id: 8977,
        invoiceNum: 'INV-2025-0877',
        date: '2025-10-01',
        dueDate: null,
        total: 600000,
        status: 'Unpaid',
        currencyPrefix: 'Rp',
        currencySuffix: '',
      },
    ]);
  });

  it('when there are no unpaid invoices ([] list), then the result is empty', async () => {
    replyRecording(onAction('GetInvoices'), 'getInvoices.empty', bodies);
    expect(await makeClient().getUnpaidInvoices(1001)).to.deep.equal([]);
  });

  it('when an invoice is read, then its items are normalised', async () => {
    replyRecording(onAction('GetInvoice'), 'getInvoice', bodies);
    const invoice = await makeClient().getInvoice(9012);
    expect(bodies[0].get('invoiceid')).to.equal('9012');
    expect(invoice).to.deep.equal({
      id: 9012,
      userId: 1001,
      status: 'Unpaid',
      total: 150000,
      balance: 150000,
      date: '2025-11-18',
      dueDate: '2025-11-25',
      items: [
        {
          type: 'Upgrade',
          relId: 712,
          description:
            'Upgrade/Downgrade: OX Mail Starter - majujaya.co.id\nOX Mail Starter => OX Mail Business (18/11/2025 - 15/03/2026)',
          amount: 150000,
        },
      ],
    });
  });

  it('when departments are asked, then assignments are ignored and ids are numbers', async () => {
    replyRecording(onAction('GetSupportDepartments'), 'getSupportDepartments', bodies);
    const departments = await makeClient().getSupportDepartments();
    expect(bodies[0].get('ignore_dept_assignments')).to.equal('true');
    expect(departments).to.deep.equal([
      { id: 2, name: 'Billing' },
      { id: 1, name: 'Support Teknis' },
      { id: 3, name: 'Sales' },
    ]);
  });

  it('when there are no departments (key missing), then the result is empty', async () => {
    replyRecording(onAction('GetSupportDepartments'), 'getSupportDepartments.empty', bodies);
    expect(await makeClient().getSupportDepartments()).to.deep.equal([]);
  });

  it('when tickets come as a single object, then they are a one-item array', async () => {
    replyRecording(onAction('GetTickets'), 'getTickets.singleObject', bodies);
    const tickets = await makeClient().getTickets({ clientId: 1001, deptId: 2, status: 'Open' });
    expect(tickets).to.deep.equal([
      {
        id: 742,
        tid: '845219',
        deptId: 2,
        subject: 'Downgrade OX Mail Business -> OX Mail Starter (majujaya.co.id)',
        status: 'Open',
        date: '2026-02-20 10:15:02',
      },
    ]);
    expect(Object.fromEntries(bodies[0])).to.include({
      clientid: '1001',
      deptid: '2',
      status: 'Open',
      limitnum: '250',
      ignore_dept_assignments: 'true',
    });
  });

  it('when there are no tickets (key missing), then the result is empty', async () => {
    replyRecording(onAction('GetTickets'), 'getTickets.empty', bodies);
    expect(await makeClient().getTickets({ clientId: 1001 })).to.deep.equal([]);
  });
});
