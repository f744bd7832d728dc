import { expect } from 'chai';
import { escapeHtml } from '../../../clientzone/sandbox/invoicePages.js';
import { TestSandbox } from './sandboxTestKit.js';

const AGUS_INVOICE = 7001;

describe('Clientzone sandbox: client area pages', () => {
  let sandbox: TestSandbox;

  beforeEach(async () => {
    sandbox = await TestSandbox.start();
  });

  afterEach(async () => {
    await sandbox.close();
  });

  it('when an unpaid invoice is shown, then it says Belum Dibayar and offers the pay button', async () => {
    const page = await sandbox.get(`/viewinvoice.php?id=${AGUS_INVOICE}`);

    expect(page.status).to.equal(200);
    expect(page.data).to.contain('id="invoice-status"').and.contain('Belum Dibayar');
    expect(page.data).to.contain('id="pay-invoice"').and.contain('Bayar sekarang');
    expect(page.data).to.contain('aguslogistik.co.id');
  });

  it('when the pay button is pressed, then the invoice is Lunas and the upgrade is applied', async () => {
    const posted = await sandbox.send('POST', `/viewinvoice.php?id=${AGUS_INVOICE}`);
    const page = await sandbox.get(String(posted.headers.location));

    expect(posted.status).to.equal(303);
    expect(page.data).to.match(/id="invoice-status"[^>]*>Lunas</);
    expect(page.data).to.not.contain('id="pay-invoice"');
    const records = await sandbox.records();
    expect(records.invoices.find((invoice) => invoice.id === AGUS_INVOICE)).to.include({
      status: 'Paid',
      balance: 0,
    });
    expect(records.services.find((service) => service.id === 2007)).to.include({ pid: 3 });
  });

  it('when paying twice from the page, then the payment is recorded once', async () => {
    await sandbox.send('POST', `/viewinvoice.php?id=${AGUS_INVOICE}`);
    await sandbox.send('POST', `/viewinvoice.php?id=${AGUS_INVOICE}`);

    const invoice = await sandbox.api<{ transactions: { transaction: unknown[] } }>('GetInvoice', {
      invoiceid: AGUS_INVOICE,
    });

    expect(invoice.data.transactions.transaction).to.have.length(1);
  });

  it("when a client's invoice list is opened, then it links each of their invoices", async () => {
    const page = await sandbox.get('/clientarea.php?action=invoices&clientid=1007');

    expect(page.status).to.equal(200);
    expect(page.data).to.contain('href="/viewinvoice.php?id=7002"');
    expect(page.data).to.not.contain(`id=${AGUS_INVOICE}"`);
  });

  it('when the invoice does not exist, then the page is 404', async () => {
    const page = await sandbox.get('/viewinvoice.php?id=999999');

    expect(page.status).to.equal(404);
  });

  it('when text holds markup, then it is escaped', () => {
    expect(escapeHtml(`<b>"Tom" & 'Jerry'</b>`)).to.equal(
      '&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;',
    );
  });
});
