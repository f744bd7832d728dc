import { expect } from 'chai';

import {
  TEST_IDENTIFIER,
  TEST_SECRET,
  makeClient,
  onAction,
  replyRecording,
  useNock,
} from './clientzoneTestKit.js';

describe('ClientzoneClient reads', () => {
  useNock();
  let bodies: URLSearchParams[];
  beforeEach(() => {
    bodies = [];
  });

  it('when details come both at the top level and under client, then they are merged', async () => {
    replyRecording(onAction('GetClientsDetails'), 'getClientsDetails', bodies);
    const details = await makeClient().getClientDetails(1001);
    expect(details).to.deep.equal({
      id: 1001,
      firstName: 'Budi',
      lastName: 'Santoso',
      email: 'budi@majujaya.co.id',
      language: 'indonesian',
      currencyCode: 'IDR',
    });
    expect(bodies[0].get('clientid')).to.equal('1001');
  });

  it('when details come only at the top level as strings, then they are read', async () => {
    replyRecording(onAction('GetClientsDetails'), 'getClientsDetails.legacyTopLevel', bodies);
    const details = await makeClient().getClientDetails(1006);
    expect(details).to.deep.equal({
      id: 1006,
      firstName: 'Rina',
      lastName: 'Wijaya',
      email: 'rina@example.id',
      language: '',
      currencyCode: 'IDR',
    });
  });

  it('when services use numeric strings, 0000-00-00 and "" lists, then they are normalised', async () => {
    replyRecording(onAction('GetClientsProducts'), 'getClientsProducts', bodies);
    const services = await makeClient().getClientServices(1001);
    expect(services).to.deep.equal([
      {
        id: 5001,
        pid: 11,
        gid: 1,
        name: 'OX Mail Starter',
        groupName: 'OX Mail',
        domain: 'majujaya.co.id',
        status: 'Active',
        billingCycle: 'annually',
        nextDueDate: '2026-03-15',
        recurringAmount: 600000,
        paymentMethod: 'banktransfer',
        configOptions: [
          { id: 77, option: 'Jumlah Akun Email', type: 'quantity', value: '5' },
          { id: 78, option: 'Arsip Email', type: 'yesno', value: '0' },
        ],
      },
      {
        id: 5002,
        pid: 21,
        gid: 2,
        name: 'Web Hosting Free',
        groupName: 'Web Hosting',
        domain: '',
        status: 'Active',
        billingCycle: null,
        nextDueDate: null,
        recurringAmount: 0,
        paymentMethod: 'banktransfer',
        configOptions: [],
      },
    ]);
    expect(bodies[0].get('clientid')).to.equal('1001');
    expect(bodies[0].get('limitnum')).to.equal('250');
  });

  it('when the list is a single object without gid, then it is a one-item array with gid null', async () => {
    replyRecording(onAction('GetClientsProducts'), 'getClientsProducts.singleObject', bodies);
    const [service] = await makeClient().getClientServices(1002);
    expect(service.gid).to.equal(null);
    expect(service.billingCycle).to.equal('semiannually');
    expect(service.configOptions).to.deep.equal([
      { id: 77, option: 'Jumlah Akun Email', type: 'quantity', value: '10' },
    ]);
  });

  it('when the client has no services ("" list), then the result is empty', async () => {
    replyRecording(onAction('GetClientsProducts'), 'getClientsProducts.empty', bodies);
    expect(await makeClient().getClientServices(1099)).to.deep.equal([]);
  });

  it('when totalresults exceeds the first page, then the next page is fetched with limitstart', async () => {
    const service = (id: number) => ({ id, pid: 11, name: 'OX Mail Starter', status: 'Active' });
    const page = (ids: number[]) => ({
      result: 'success',
      totalresults: '3',
      products: { product: ids.map(service) },
    });
    onAction('GetClientsProducts').reply(200, page([1, 2]));
    onAction('GetClientsProducts').reply((_uri, body) => {
      bodies.push(new URLSearchParams(String(body)));
      return [200, page([3])];
    });
    const services = await makeClient().getClientServices(1001);
    expect(services.map((item) => item.id)).to.deep.equal([1, 2, 3]);
    expect(bodies[0].get('limitstart')).to.equal('2');
  });

  it('when any action is called, then credentials and responsetype=json are form fields', async () => {
    const form = /^application\/x-www-form-urlencoded/;
    const interceptor = onAction('GetSupportDepartments').matchHeader('content-type', form);
    replyRecording(interceptor, 'getSupportDepartments', bodies);
    await makeClient({ accessKey: 'ak-123' }).getSupportDepartments();
    expect(Object.fromEntries(bodies[0])).to.include({
      action: 'GetSupportDepartments',
      identifier: TEST_IDENTIFIER,
      secret: TEST_SECRET,
      accesskey: 'ak-123',
      responsetype: 'json',
    });
  });
});
