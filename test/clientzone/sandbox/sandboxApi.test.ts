import { expect } from 'chai';
import {
  SANDBOX_BILLING_DEPARTMENT_ID,
  SANDBOX_IDENTIFIER,
  SANDBOX_PRODUCT_GROUP_ID,
} from '../../../clientzone/sandbox/index.js';
import { TestSandbox, type ApiError } from './sandboxTestKit.js';

interface ProductsResponse {
  totalresults: string;
  products: '' | { product: Record<string, unknown>[] };
}

interface CatalogueResponse {
  totalresults: number;
  products: {
    product: {
      pid: number;
      gid: number;
      name: string;
      pricing: { IDR: Record<string, string> };
      configoptions: { configoption: Record<string, unknown>[] };
    }[];
  };
}

describe('Clientzone sandbox: API basics and WHMCS shapes', () => {
  let sandbox: TestSandbox;

  beforeEach(async () => {
    sandbox = await TestSandbox.start();
  });

  afterEach(async () => {
    await sandbox.close();
  });

  it('when the secret is wrong, then it answers 403 Authentication Failed', async () => {
    const form = new URLSearchParams({
      action: 'GetClientsDetails',
      identifier: SANDBOX_IDENTIFIER,
      secret: 'wrong',
      responsetype: 'json',
      clientid: '1001',
    });

    const response = await sandbox.postForm<ApiError>(form);

    expect(response.status).to.equal(403);
    expect(response.data).to.deep.equal({ result: 'error', message: 'Authentication Failed' });
  });

  it('when the action is unknown, then it answers 200 Command Not Found', async () => {
    const response = await sandbox.api<ApiError>('FlyToTheMoon');

    expect(response.status).to.equal(200);
    expect(response.data).to.deep.equal({ result: 'error', message: 'Command Not Found' });
  });

  it('when a client has no services, then products is an empty string and totalresults "0"', async () => {
    const response = await sandbox.api<ProductsResponse>('GetClientsProducts', {
      clientid: 1009,
      limitnum: 250,
    });

    expect(response.data.totalresults).to.equal('0');
    expect(response.data.products).to.equal('');
  });

  it('when listing a service, then it has WHMCS string ids, a display cycle, no gid and a quantity option', async () => {
    const response = await sandbox.api<ProductsResponse>('GetClientsProducts', {
      clientid: 1002,
      limitnum: 250,
    });

    expect(response.data.totalresults).to.equal('2');
    const products = response.data.products;
    if (products === '') throw new Error('expected products');
    const [business] = products.product;
    expect(business).to.include({
      id: '2003',
      pid: '2',
      name: 'OX Mail Business',
      groupname: 'OX Mail',
      domain: 'sarikreatif.id',
      status: 'Active',
      billingcycle: 'Monthly',
      nextduedate: '2025-03-21',
      recurringamount: '150000.00',
      paymentmethod: 'banktransfer',
    });
    expect(business).to.not.have.property('gid');
    expect(business.configoptions).to.deep.equal({
      configoption: [{ id: 77, option: 'Jumlah Akun Email', type: 'quantity', value: '10' }],
    });
  });

  it('when asking for the OX Mail group, then three ascending packages with IDR prices and option 77 come back', async () => {
    const response = await sandbox.api<CatalogueResponse>('GetProducts', {
      gid: SANDBOX_PRODUCT_GROUP_ID,
    });

    const products = response.data.products.product;
    expect(products.map((product) => product.pid)).to.deep.equal([1, 2, 3]);
    const annual = products.map((product) => Number(product.pricing.IDR.annually));
    expect(annual).to.deep.equal([...annual].sort((a, b) => a - b));
    expect(products[0].pricing.IDR).to.include({ prefix: 'Rp', suffix: '', biennially: '-1.00' });
    expect(products[0].configoptions.configoption[0]).to.include({
      id: 77,
      name: 'Jumlah Akun Email',
      type: '4',
      minqty: 1,
      maxqty: 500,
    });
  });

  it('when a group has no products, then the products key is absent', async () => {
    const response = await sandbox.api('GetProducts', { gid: 99 });

    expect(response.data).to.deep.equal({ result: 'success', totalresults: 0 });
  });

  it('when reading an English client, then the language is in the client object', async () => {
    const response = await sandbox.api<{ client: Record<string, unknown> }>('GetClientsDetails', {
      clientid: 1003,
    });

    expect(response.data.client).to.include({
      firstname: 'John',
      lastname: 'Smith',
      language: 'english',
      email: 'john@smithtrading.com',
    });
  });

  it('when a client has no invoices, then invoices is an empty array and totalresults a number', async () => {
    const response = await sandbox.api('GetInvoices', { userid: 1001, status: 'Unpaid' });

    expect(response.data).to.deep.equal({
      result: 'success',
      totalresults: 0,
      startnumber: 0,
      numreturned: 0,
      invoices: [],
    });
  });

  it('when the billing department is looked up, then it has the sandbox id', async () => {
    const response = await sandbox.api<{
      departments: { department: { id: string; name: string }[] };
    }>('GetSupportDepartments', { ignore_dept_assignments: 'true' });

    const billing = response.data.departments.department.find((d) => d.name === 'Billing');
    expect(billing?.id).to.equal(String(SANDBOX_BILLING_DEPARTMENT_ID));
  });

  it('when listing demo customers, then each has an id, a name, a label and a language', async () => {
    const response =
      await sandbox.get<{ clientId: number; name: string; label: string; language: string }[]>(
        '/__sandbox/customers',
      );

    expect(response.data.map((customer) => customer.clientId)).to.deep.equal([
      1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009,
    ]);
    expect(response.data[2]).to.deep.include({ name: 'John Smith', language: 'english' });
    expect(response.data.every((customer) => customer.label.length > 10)).to.equal(true);
  });
});
