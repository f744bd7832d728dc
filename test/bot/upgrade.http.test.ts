import { expect } from 'chai';
import { buttonValue, invoiceIdIn } from '../support/chatClient.js';
import { startBot, type BotUnderTest } from '../support/botServer.js';

describe('upgrades over /api/messages against the Clientzone sandbox', () => {
  let bot: BotUnderTest;

  beforeEach(async () => {
    bot = await startBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('when Budi upgrades his package in chat, then Clientzone has one unpaid upgrade invoice and the bot shows it', async () => {
    const chat = bot.chat({ clientId: 1001 });
    const offer = await chat.say('saya mau upgrade paket email');
    expect(offer[0]?.text).to.match(/tokobudi\.co\.id saat ini OX Mail Starter/);
    expect(offer[0]?.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
      'OX Mail Business – Rp\u00a0528.000/tahun',
      'OX Mail Enterprise – Rp\u00a01.056.000/tahun',
      'Batal',
    ]);
    const confirm = await chat.say(buttonValue(offer[0], /Business/));
    expect(confirm[0]?.text).to.match(/OX Mail Starter → \*\*OX Mail Business\*\*/);
    const placed = await chat.texts(buttonValue(confirm[0], /Ya/));
    const invoiceId = invoiceIdIn(placed[0]);
    expect(placed[0]).to.contain(`${bot.sandbox.url}/viewinvoice.php?id=${invoiceId}`);
    const records = await bot.admin.records();
    const invoice = records.invoices.find((i) => i.id === invoiceId);
    expect(invoice?.status).to.equal('Unpaid');
    expect(records.upgrades).to.have.length(2); // Agus's seeded one and this one
    expect(placed[0]).to.match(/Jumlah: \*\*Rp\s[\d.]+\*\*/);
  });

  it('when accounts are added, then the quantity changes only after the invoice is paid, and then a new upgrade is allowed', async () => {
    const chat = bot.chat({ clientId: 1001 });
    const confirm = await chat.texts('Tambah 5 akun email');
    expect(confirm[0]).to.match(/Akun email: 5 \+ 5 = \*\*10\*\*/);
    const placed = await chat.texts('ya');
    const invoiceId = invoiceIdIn(placed[0]);
    expect((await bot.admin.service(1001, 2001)).configoptions).to.deep.include({
      configoption: [{ id: 77, option: 'Jumlah Akun Email', type: 'quantity', value: '5' }],
    });

    const blocked = await chat.texts('upgrade paket');
    expect(blocked[0]).to.contain('tidak bisa dilakukan bersamaan');
    expect(blocked[0]).to.contain(`invoice #${invoiceId}`);

    await bot.admin.payInvoice(invoiceId);
    const service = await bot.admin.service(1001, 2001);
    expect(JSON.stringify(service.configoptions)).to.contain('"value":"10"');
    const allowed = await chat.texts('upgrade paket');
    expect(allowed[0]).to.match(/Pilih paket baru/);
  });

  it('when an upgrade was placed in the client area, then the bot refuses a second one and shows that invoice', async () => {
    const chat = bot.chat({ clientId: 1005 });
    const seeded = (await bot.admin.records()).invoices.find((i) => i.status === 'Unpaid');
    const replies = await chat.texts('tambah 2 akun');
    expect(replies[0]).to.contain('tidak bisa dilakukan bersamaan');
    expect(replies[0]).to.contain(`invoice #${seeded?.id}`);
    expect((await bot.admin.records()).upgrades).to.have.length(1);
  });

  it('when the placing response is lost, then retry adopts the invoice and Clientzone has exactly one upgrade', async () => {
    const chat = bot.chat({ clientId: 1001 });
    await chat.say('upgrade paket');
    await chat.say('business');
    await bot.admin.fault({
      action: 'upgradeproduct',
      mode: 'reset-after-commit',
      match: { calconly: null },
    });
    const uncertain = await chat.say('ya');
    expect(uncertain[0]?.text).to.match(/belum mendapat konfirmasi/);
    const retried = await chat.texts(buttonValue(uncertain[0], /Coba lagi/));
    expect(retried[0]).to.match(/sudah memiliki invoice upgrade yang belum dibayar/);
    const invoiceId = invoiceIdIn(retried[0]);
    const records = await bot.admin.records();
    expect(records.upgrades).to.have.length(2);
    expect(records.invoices.filter((i) => i.status === 'Unpaid').map((i) => i.id)).to.include(
      invoiceId,
    );
  });

  it('when the channel retries the confirm activity, then the same answer comes back and nothing is placed twice', async () => {
    const chat = bot.chat({ clientId: 1001 });
    await chat.say('upgrade paket');
    await chat.say('business');
    const first = await chat.texts('ya', 'confirm-1');
    const retry = await chat.texts('ya', 'confirm-1');
    expect(retry).to.deep.equal(first);
    expect((await bot.admin.records()).upgrades).to.have.length(2);
  });

  it('when the confirm button is double-clicked at once, then one upgrade is placed and the second press is stale', async () => {
    const chat = bot.chat({ clientId: 1001 });
    await chat.say('upgrade paket');
    const confirm = await chat.say('business');
    const yes = buttonValue(confirm[0], /Ya/);
    const [a, b] = await Promise.all([chat.texts(yes), chat.texts(yes)]);
    const answers = [a[0], b[0]].sort();
    expect(answers.some((t) => /Invoice: \*\*#\d+\*\*/.test(t ?? ''))).to.equal(true);
    expect(answers.some((t) => /sudah tidak berlaku/.test(t ?? ''))).to.equal(true);
    expect((await bot.admin.records()).upgrades).to.have.length(2);
  });

  it('when the service is suspended, then nothing is changed and a person is offered', async () => {
    const replies = await bot.chat({ clientId: 1004 }).say('upgrade paket');
    expect(replies[0]?.text).to.match(/dewibatik\.com berstatus Suspended/);
    expect(replies[0]?.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
      'Chat dengan CS',
    ]);
  });

  it('when the customer has no OX Mail service, then hosting is never offered', async () => {
    const replies = await bot.chat({ clientId: 1006 }).texts('upgrade paket');
    expect(replies[0]).to.match(/tidak menemukan layanan OX Mail/);
  });

  it('when the customer has two OX Mail services, then the bot asks which one', async () => {
    const replies = await bot.chat({ clientId: 1002 }).say('upgrade paket');
    expect(replies[0]?.text).to.match(/Anda memiliki 2 layanan OX Mail/);
    expect(replies[0]?.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
      'sarikreatif.id (OX Mail Business)',
      'wulandari-consulting.co.id (OX Mail Starter)',
      'Batal',
    ]);
  });

  it('when the accounts are near the maximum, then a larger number is refused within the bounds', async () => {
    const chat = bot.chat({ clientId: 1008 });
    expect((await chat.texts('tambah akun'))[0]).to.match(/\(1 sampai 2\)/);
    for (const junk of ['abc', '0', '-5', '3', '1,5', '9'.repeat(400)]) {
      const replies = await chat.texts(junk);
      expect(replies.at(-1), junk).to.match(/Masukkan jumlah akun/);
    }
    expect((await chat.texts('2'))[0]).to.match(/498 \+ 2 = \*\*500\*\*/);
    expect((await bot.admin.records()).upgrades).to.have.length(1);
  });

  it('when the customer writes in English, then the flow is in English with Rupiah amounts', async () => {
    const replies = await bot.chat({ clientId: 1003 }).texts('add 2 email accounts');
    expect(replies[0]).to.match(/Email accounts: 10 \+ 2 = \*\*12\*\*/);
    expect(replies[0]).to.match(/Rp\s[\d.]+/);
  });
});
