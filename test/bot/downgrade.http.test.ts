import { expect } from 'chai';
import { signIdentityToken } from '../../bot/identity.js';
import { ChannelServer } from '../support/channelServer.js';
import { buttonValue } from '../support/chatClient.js';
import { startBot, type BotUnderTest } from '../support/botServer.js';

interface TicketRecord {
  id: number;
  tid: string;
  deptid: number;
  userid: number;
  serviceid?: number;
  subject: string;
  message: string;
}

describe('downgrade requests over /api/messages against the Clientzone sandbox', () => {
  let bot: BotUnderTest;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date();
    bot = await startBot({ now: () => clock });
  });
  afterEach(async () => {
    await bot.close();
  });

  async function tickets(): Promise<TicketRecord[]> {
    return (await bot.admin.records()).tickets as TicketRecord[];
  }

  it('when a service is due in about 20 days, then a Billing ticket with all the details is filed once', async () => {
    const chat = bot.chat({ clientId: 1002 });
    const which = await chat.say('saya mau downgrade paket');
    expect(which[0]?.text).to.match(/Layanan mana yang ingin di-downgrade/);
    const packages = await chat.say(buttonValue(which[0], /sarikreatif/));
    expect(packages[0]?.text).to.match(/jatuh tempo .* \(20 hari lagi\)/);
    const accounts = await chat.say(buttonValue(packages[0], /OX Mail Starter/));
    expect(accounts[0]?.text).to.match(/Saat ini ada 10 akun email/);
    await chat.say('5');
    const confirm = await chat.texts('Tim kami berkurang');
    expect(confirm[0]).to.match(/OX Mail Business → \*\*OX Mail Starter\*\*/);
    expect(confirm[0]).to.match(/10 → \*\*5\*\*/);
    const filed = await chat.texts('ya');
    const all = await tickets();
    expect(all).to.have.length(1);
    const [ticket] = all;
    expect(filed[0]).to.contain(`tiket **#${ticket?.tid}**`);
    expect(ticket?.deptid).to.equal(2);
    expect(ticket?.userid).to.equal(1002);
    expect(ticket?.subject).to.contain('#2003');
    for (const detail of [
      'sarikreatif.id',
      'OX Mail Business',
      'OX Mail Starter',
      '10 akun',
      '5 akun',
      '20 hari lagi',
      'Tim kami berkurang',
      chat.conversationId,
    ]) {
      expect(ticket?.message).to.contain(detail);
    }

    const repeat = bot.chat({ clientId: 1002 });
    const question = await repeat.say('mau downgrade');
    const reply = await repeat.texts(buttonValue(question[0], /sarikreatif/));
    expect(reply[0]).to.contain(`tiket **#${ticket?.tid}**`);
    expect(reply[0]).to.match(/sudah diajukan/);
    expect(await tickets()).to.have.length(1);
  });

  it('when a service is due in 90 days, then the opening date is given and the reminder arrives once when the clock reaches it', async () => {
    const channel = new ChannelServer();
    const serviceUrl = await channel.start();
    try {
      const chat = bot.chat({ clientId: 1002, serviceUrl });
      const which = await chat.say('downgrade');
      const early = await chat.say(buttonValue(which[0], /wulandari/));
      expect(early[0]?.text).to.match(/baru bisa diajukan mulai \*\*/);
      const set = await chat.texts(buttonValue(early[0], /Ingatkan/));
      expect(set[0]).to.match(/saya akan mengingatkan Anda/);
      expect(await bot.app.reminders.runDue()).to.equal(0);

      clock = new Date(clock.getTime() + 61 * 86_400_000);
      chat.useToken(
        await signIdentityToken(
          { clientId: 1002 },
          bot.config.chatIdentitySecret,
          3600,
          () => clock,
        ),
      );
      expect(await bot.app.reminders.runDue()).to.equal(1);
      expect(await bot.app.reminders.runDue()).to.equal(0);
      const [sent] = channel.messages();
      expect(sent?.path).to.equal(
        `/v3/conversations/${encodeURIComponent(chat.conversationId)}/activities`,
      );
      expect(sent?.activity.text).to.match(
        /wulandari-consulting\.co\.id sekarang sudah bisa diajukan/,
      );
      const button = sent?.activity.suggestedActions?.actions[0];
      expect(button?.value).to.deep.equal({ menu: 'downgrade', serviceId: 2004 });

      const started = await chat.texts({ text: button?.title, value: button?.value });
      expect(started[0]).to.match(/Saat ini ada 3 akun email/);
    } finally {
      await channel.close();
    }
  });

  it('when the customer upgrades first, then the pending downgrade reminder is cancelled', async () => {
    const chat = bot.chat({ clientId: 1002 });
    const which = await chat.say('downgrade');
    const early = await chat.say(buttonValue(which[0], /wulandari/));
    await chat.say(buttonValue(early[0], /Ingatkan/));
    const upgradeWhich = await chat.say('tambah akun');
    await chat.say(buttonValue(upgradeWhich[0], /wulandari/));
    await chat.say('2');
    await chat.say('ya');
    clock = new Date(clock.getTime() + 61 * 86_400_000);
    expect(await bot.app.reminders.runDue()).to.equal(0);
  });

  it('when the service is overdue with an unpaid renewal invoice, then the request is filed and settling is asked first', async () => {
    const chat = bot.chat({ clientId: 1007 });
    const which = await chat.say('downgrade');
    const packages = await chat.say(buttonValue(which[0], /maharanigroup/));
    await chat.say(buttonValue(packages[0], /OX Mail Starter/));
    await chat.say('tetap');
    await chat.say('lewati');
    const filed = await chat.texts('ya');
    expect(filed[0]).to.match(/invoice perpanjangan #7002/);
    expect(filed[0]).to.match(/perlu dilunasi terlebih dahulu/);
  });

  it('when the OpenTicket response is lost, then retry finds the ticket instead of filing a second', async () => {
    const chat = bot.chat({ clientId: 1002 });
    const which = await chat.say('downgrade');
    const packages = await chat.say(buttonValue(which[0], /sarikreatif/));
    await chat.say(buttonValue(packages[0], /OX Mail Starter/));
    await chat.say('tetap');
    await chat.say('lewati');
    await bot.admin.fault({ action: 'openticket', mode: 'reset-after-commit' });
    const uncertain = await chat.say('ya');
    expect(uncertain[0]?.text).to.match(/apakah tiket sudah dibuat/);
    const retried = await chat.texts(buttonValue(uncertain[0], /Coba lagi/));
    const all = await tickets();
    expect(all).to.have.length(1);
    expect(retried[0]).to.contain(`#${all[0]?.tid}`);
  });
});
