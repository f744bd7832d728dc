import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startBot, type BotUnderTest } from '../support/botServer.js';
import {
  CHROMIUM,
  chromiumMissing,
  launchChromium,
  recordCspViolations,
  screenshot,
  seriousAccessibilityViolations,
} from './chatPageKit.js';

describe('the customer chat page in Chromium (sandbox mode)', function () {
  this.timeout(60_000);
  let bot: BotUnderTest;
  let browser: Browser;
  let context: BrowserContext;

  before(async function () {
    if (chromiumMissing()) {
      console.warn(`    skipped: ${CHROMIUM} is missing (.ci/run installs Debian's chromium)`);
      this.skip();
    }
    bot = await startBot({ sandboxMode: true });
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1000, height: 900 } });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await bot?.close();
  });

  const bubble = (page: Page, text: RegExp) =>
    page.locator('.webchat__bubble__content').filter({ hasText: text }).last();
  /** A suggested action (Web Chat also lists them, unfocusable, in its live region). */
  const button = (page: Page, name: string | RegExp) =>
    page.getByRole('toolbar').getByRole('button', { name, exact: typeof name === 'string' });

  async function signInAs(page: Page, clientId: number): Promise<void> {
    await page.goto(`${bot.url}/`);
    await page.locator(`[data-client-id="${clientId}"]`).click();
    await bubble(page, /^Halo Budi!/).waitFor();
  }

  async function upgradeToInvoice(page: Page): Promise<number> {
    await button(page, 'Upgrade paket').click();
    await bubble(page, /saat ini OX Mail Starter.*Pilih paket baru/s).waitFor();
    await button(page, /^OX Mail Business/).click();
    await bubble(page, /Lanjutkan upgrade\?/).waitFor();
    await button(page, 'Ya, lanjutkan').click();
    const placed = bubble(page, /Invoice: #\d+/);
    await placed.scrollIntoViewIfNeeded();
    const invoiceId = /Invoice: #(\d+)/.exec((await placed.textContent()) ?? '')?.[1];
    return Number(invoiceId);
  }

  async function payInNewTab(page: Page, invoiceId: number): Promise<Page> {
    const link = page.getByRole('link', { name: 'Bayar invoice' }).last();
    expect(await link.getAttribute('target')).to.equal('_blank');
    const [invoicePage] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await invoicePage.waitForLoadState();
    expect(invoicePage.url()).to.equal(`${bot.sandbox.url}/viewinvoice.php?id=${invoiceId}`);
    await invoicePage.locator('#pay-invoice').click();
    await invoicePage.locator('#invoice-status', { hasText: 'Lunas' }).waitFor();
    return invoicePage;
  }

  it('when Budi signs in, upgrades by clicking, pays the invoice in the sandbox and asks again, then the next upgrade is allowed', async () => {
    const page = await context.newPage();
    const cspViolations = await recordCspViolations(page);
    await signInAs(page, 1001);
    await screenshot(page, '01-welcome');

    const invoiceId = await upgradeToInvoice(page);
    await screenshot(page, '02-invoice');
    const invoicePage = await payInNewTab(page, invoiceId);
    await screenshot(invoicePage, '03-invoice-paid');
    expect(await invoicePage.locator('#invoice-status').textContent()).to.equal('Lunas');

    await page.bringToFront();
    await button(page, 'Upgrade paket').click();
    await bubble(page, /saat ini OX Mail Business.*Pilih paket baru/s).waitFor();
    expect(await button(page, /^OX Mail Enterprise/).isVisible()).to.equal(true);
    await screenshot(page, '04-next-upgrade-allowed');
    expect(await cspViolations()).to.deep.equal([]);
  });

  it('when the page is checked with axe-core, then it reports no serious or critical violations', async () => {
    const page = await context.newPage();
    await page.goto(`${bot.url}/`);
    await page.locator('[data-client-id="1001"]').waitFor();
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    await page.locator('[data-client-id="1001"]').click();
    await bubble(page, /^Halo Budi!/).waitFor();
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
  });
});
