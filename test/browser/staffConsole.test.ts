import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startBot, type BotUnderTest } from '../support/botServer.js';
import { ChannelServer } from '../support/channelServer.js';
import type { ChatClient } from '../support/chatClient.js';
import {
  CHROMIUM,
  chromiumMissing,
  launchChromium,
  recordCspViolations,
  seriousAccessibilityViolations,
} from './chatPageKit.js';

const ANI = { username: 'ani', password: 'rahasia-ani-123' };
const BUDI = { username: 'budi', password: 'rahasia-budi-123' };
const XSS = '<img src=x onerror=alert(1)>';
const SCREENSHOT = path.resolve('test-artifacts', 'staff-console.png');

/** Polls until `probe` answers something truthy (the channel is recorded, not awaited). */
async function until<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the staff console in Chromium', function () {
  this.timeout(60_000);
  let bot: BotUnderTest;
  let channel: ChannelServer;
  let channelUrl: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async function () {
    if (chromiumMissing()) {
      console.warn(`    skipped: ${CHROMIUM} is missing (.ci/run installs Debian's chromium)`);
      this.skip();
    }
    channel = new ChannelServer();
    channelUrl = await channel.start();
    bot = await startBot({
      env: {
        STAFF_BOOTSTRAP_USERS: 'ani:rahasia-ani-123,budi:rahasia-budi-123',
        SUPPORT_HOURS: 'always',
      },
    });
    browser = await launchChromium();
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await bot?.close();
    await channel?.close();
  });

  /** A fresh browser profile (own cookies and sessionStorage) at the size staff work at. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      locale: 'id-ID',
      viewport: { width: 1280, height: 800 },
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected dialog: ${dialog.message()}`);
    });
    return page;
  }

  async function logIn(page: Page, staff: { username: string; password: string }): Promise<void> {
    await page.goto(`${bot.url}/staff`);
    await page.getByLabel('Nama pengguna').fill(staff.username);
    await page.getByLabel('Kata sandi').fill(staff.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.locator('#console-view').waitFor();
  }

  async function goOnline(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Online', exact: true }).click();
    await page.locator('#presence-online[aria-pressed="true"]').waitFor();
    await page.getByText('Terhubung langsung').waitFor();
  }

  /** A customer of client 1001 whose proactive messages arrive at the channel server. */
  async function customerAsksForStaff(...before: string[]): Promise<ChatClient> {
    const customer = bot.chat({ clientId: 1001, serviceUrl: channelUrl });
    for (const text of before) await customer.texts(text);
    await customer.texts('saya mau bicara dengan cs');
    return customer;
  }

  const queueCard = (page: Page, customer: ChatClient): Locator =>
    page.locator(`#queue-list .case-card[data-conversation-id="${customer.conversationId}"]`);

  /** What the bot sent to this customer's channel outside their turns (proactively). */
  function sentTo(customer: ChatClient, type = 'message'): Partial<Activity>[] {
    return channel.received
      .filter((r) => r.activity.type === type)
      .filter((r) => r.path.includes(encodeURIComponent(customer.conversationId)))
      .map((r) => r.activity);
  }

  it('when a customer asks for a person mid-upgrade, then Ani sees the case, takes it, replies, notes, and hands back into the upgrade flow, and the bot walks the customer on', async () => {
    const page = await newPage();
    const cspViolations = await recordCspViolations(page);
    await logIn(page, ANI);
    await goOnline(page);

    const customer = await customerAsksForStaff('upgrade paket');
    const card = queueCard(page, customer);
    await card.waitFor();
    expect(await card.locator('.card-service').textContent()).to.contain('tokobudi.co.id');
    expect(await card.locator('.card-stage').textContent()).to.match(/^Upgrade: /);
    expect(await card.locator('.card-reason').textContent()).to.equal(
      'Pelanggan minta bicara dengan CS',
    );

    await card.locator('.case-open').click();
    await page.getByRole('button', { name: 'Ambil', exact: true }).click();
    await page.locator('#conversation-status', { hasText: 'Ditangani oleh Anda' }).waitFor();
    await page.getByLabel('Balasan untuk pelanggan').fill('Halo, saya Ani');
    await until(() => sentTo(customer, 'typing')[0], 'a typing indicator while Ani types');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await until(() => sentTo(customer).find((a) => a.text === 'Halo, saya Ani'), 'the reply');

    await page.getByLabel(/^Catatan internal/).fill('Invoice dicek manual, aman');
    await page.getByRole('button', { name: 'Simpan catatan' }).click();
    await page
      .locator('#transcript .entry.from-note', { hasText: 'Invoice dicek manual' })
      .waitFor();
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    const beforeHandback = sentTo(customer).length;
    await page.getByLabel('Alur saat kembali ke bot').selectOption('upgrade-package');
    await page.getByRole('button', { name: 'Kembalikan ke bot' }).click();
    const prompt = await until(
      () =>
        sentTo(customer)
          .slice(beforeHandback)
          .find((a) => /Pilih paket baru/.test(a.text ?? '')),
      'the package list after hand-back',
    );
    expect(JSON.stringify(prompt)).to.contain('OX Mail Business');
    await page.locator('#conversation-status', { hasText: 'Dengan bot' }).waitFor();
    // The bot's own next prompt after hand-back is in the transcript the staff watch.
    await page
      .locator('#transcript .entry.from-bot', { hasText: 'Pilih paket baru' })
      .nth(1)
      .waitFor({ timeout: 10_000 });
    expect(sentTo(customer).some((a) => /Invoice dicek manual/.test(a.text ?? ''))).to.equal(false);
    expect(await cspViolations()).to.deep.equal([]);
  });

  it('when a queued customer sends markup, then the console shows it as text and runs nothing', async () => {
    const page = await newPage();
    await logIn(page, ANI);
    await goOnline(page);

    const customer = await customerAsksForStaff();
    await customer.texts(XSS);
    const card = queueCard(page, customer);
    await card.locator('.card-message', { hasText: XSS }).waitFor();
    await card.locator('.case-open').click();

    const entry = page.locator('#transcript .entry.from-customer', { hasText: XSS });
    await entry.waitFor();
    expect(await entry.locator('.entry-text').textContent()).to.equal(XSS);
    expect(
      await page.locator('#queue-list img, #active-list img, #transcript img').count(),
    ).to.equal(0);
  });

  it('when Budi tries to take a case Ani took meanwhile, then his console says Ani has it', async () => {
    const page = await newPage();
    // No live events for Budi: his console still shows the case as waiting when he clicks.
    await page.route('**/staff/api/events', (route) => route.abort());
    await logIn(page, BUDI);
    const ani = await newPage();
    await logIn(ani, ANI);
    await goOnline(ani);

    const customer = await customerAsksForStaff();
    await page.reload();
    await queueCard(page, customer).locator('.case-open').click();
    await page.getByRole('button', { name: 'Ambil', exact: true }).waitFor();
    await queueCard(ani, customer).locator('.case-open').click();
    await ani.getByRole('button', { name: 'Ambil', exact: true }).click();
    await ani.locator('#conversation-status', { hasText: 'Ditangani oleh Anda' }).waitFor();

    await page.getByRole('button', { name: 'Ambil', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /sudah ditangani oleh/ })
      .waitFor();
    expect(await page.locator('#action-error').textContent()).to.match(/sudah ditangani oleh \w+/);
    expect(await page.getByLabel('Balasan untuk pelanggan').isDisabled()).to.equal(true);
  });

  it('when the password is wrong, then the login form says so; when the console shows a case, then axe finds no serious violations', async () => {
    const page = await newPage();
    await page.goto(`${bot.url}/staff`);
    await page.getByLabel('Nama pengguna').fill('ani');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Nama pengguna atau kata sandi salah.' })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);

    await logIn(page, ANI);
    await goOnline(page);
    const customer = await customerAsksForStaff('upgrade paket');
    await queueCard(page, customer).locator('.case-open').click();
    await page.getByRole('button', { name: 'Ambil', exact: true }).click();
    await page.locator('#conversation-status', { hasText: 'Ditangani oleh Anda' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
  });
});
