import axios from 'axios';
import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botServer.js';
import { ChannelServer } from '../support/channelServer.js';
import { buttonValue, type ChatClient } from '../support/chatClient.js';
import { StaffClient } from '../support/staffClient.js';

const STAFF = 'ani:rahasia-ani-123,budi:rahasia-budi-123';

describe('human handoff over HTTP', () => {
  let bot: BotUnderTest;
  let channel: ChannelServer;
  let serviceUrl: string;
  let clock: Date;
  let ani: StaffClient;
  let budi: StaffClient;

  beforeEach(async () => {
    clock = new Date();
    bot = await startBot({
      env: { STAFF_BOOTSTRAP_USERS: STAFF, SUPPORT_HOURS: 'always' },
      now: () => clock,
    });
    channel = new ChannelServer();
    serviceUrl = await channel.start();
    ani = new StaffClient(bot.url);
    budi = new StaffClient(bot.url);
    await ani.login('ani', 'rahasia-ani-123');
    await budi.login('budi', 'rahasia-budi-123');
  });
  afterEach(async () => {
    await bot.close();
    await channel.close();
  });

  const customer = (clientId: number) => bot.chat({ clientId, serviceUrl });
  const pushed = () => channel.messages().map((m) => m.activity.text ?? '');

  async function queued(clientId = 1001): Promise<ChatClient> {
    const chat = customer(clientId);
    await chat.say('upgrade paket');
    const replies = await chat.texts('saya mau bicara dengan cs');
    expect(replies[0]).to.match(/antrean nomor \*\*\d+\*\*/);
    return chat;
  }

  describe('authentication', () => {
    it('when the password is wrong, then login answers 401, and after five failures 429', async () => {
      const intruder = new StaffClient(bot.url);
      for (let i = 0; i < 5; i += 1)
        expect((await intruder.login('ani', 'salah')).status).to.equal(401);
      const locked = await intruder.login('ani', 'rahasia-ani-123');
      expect(locked.status).to.equal(429);
      expect(locked.data.retryAfterSeconds).to.be.above(0);
    });

    it('when a call has no token, then it answers 401', async () => {
      for (const path of ['/queue', '/conversations', '/me', '/events']) {
        const response = await axios.get(`${bot.url}/staff/api${path}`, {
          validateStatus: () => true,
        });
        expect(response.status, path).to.equal(401);
      }
    });

    it('when the session cookie is used without the CSRF token, then changes are refused', async () => {
      const login = await axios.post(`${bot.url}/staff/api/login`, {
        username: 'ani',
        password: 'rahasia-ani-123',
      });
      const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0] ?? '';
      expect(String(login.headers['set-cookie']?.[0])).to.match(
        /HttpOnly; SameSite=Strict; Path=\/staff/,
      );
      const read = await axios.get(`${bot.url}/staff/api/me`, { headers: { cookie } });
      expect(read.data).to.deep.include({ username: 'ani', displayName: 'Ani' });
      const forged = await axios.post(
        `${bot.url}/staff/api/presence`,
        { status: 'online' },
        { headers: { cookie }, validateStatus: () => true },
      );
      expect(forged.status).to.equal(403);
      const proper = await axios.post(
        `${bot.url}/staff/api/presence`,
        { status: 'online' },
        { headers: { cookie, 'x-csrf-token': login.data.csrfToken } },
      );
      expect(proper.data).to.deep.equal({ status: 'online' });
    });
  });

  describe('with staff online', () => {
    beforeEach(async () => {
      await ani.online();
      await budi.online();
    });

    it('when two customers ask for a person, then they are queued in order with a case card', async () => {
      const first = await queued(1001);
      await queued(1002);
      const queue = (await ani.get('/queue')).data as {
        conversationId: string;
        position: number;
        customer: unknown;
        reason: string;
        stage: { flow: string; state: string; service: { domain: string } };
      }[];
      expect(queue.map((c) => c.position)).to.deep.equal([1, 2]);
      expect(queue[0]).to.deep.include({
        conversationId: first.conversationId,
        reason: 'asked',
        customer: { clientId: 1001, name: 'Budi' },
      });
      expect(queue[0]?.stage).to.deep.include({ flow: 'upgrade', state: 'choosingPackage' });
      expect(queue[0]?.stage.service.domain).to.equal('tokobudi.co.id');
    });

    it('when staff accept, then one owner wins, the customer is told, and the next in line moves up', async () => {
      const first = await queued(1001);
      await queued(1002);
      const accepted = await ani.post(ani.conversation(first.conversationId, 'accept'));
      expect(accepted.status).to.equal(200);
      expect(accepted.data).to.deep.include({ state: 'withStaff', owner: 'ani' });
      const late = await budi.post(budi.conversation(first.conversationId, 'accept'));
      expect(late.status).to.equal(409);
      expect(late.data).to.deep.equal({ error: 'owned_by_other', owner: 'ani' });
      expect(pushed()).to.include('Ani dari tim support sudah bergabung dan akan membantu Anda.');
      await bot.app.handoff.service.tick();
      expect(pushed().some((t) => /Antrean Anda sekarang nomor \*\*1\*\*/.test(t))).to.equal(true);
    });

    it('when staff own the conversation, then the bot is silent and messages flow both ways', async () => {
      const chat = await queued();
      await ani.post(ani.conversation(chat.conversationId, 'accept'));
      expect(await chat.texts('halo, invoice saya belum masuk')).to.deep.equal([]);
      const detail = (await ani.get(ani.conversation(chat.conversationId))).data as {
        lastMessages: { from: string; text: string }[];
      };
      expect(detail.lastMessages.at(-1)).to.deep.include({
        from: 'customer',
        text: 'halo, invoice saya belum masuk',
      });
      const sent = await ani.post(ani.conversation(chat.conversationId, 'messages'), {
        text: 'Halo, saya Ani',
      });
      expect(sent.status).to.equal(200);
      const last = channel.messages().at(-1)?.activity;
      expect(last?.text).to.equal('Halo, saya Ani');
      expect(last?.from?.name).to.equal('Ani');
      expect(
        (await budi.post(budi.conversation(chat.conversationId, 'messages'), { text: 'x' })).status,
      ).to.equal(409);
    });

    it('when a note is added, then staff see it and the customer never does', async () => {
      const chat = await queued();
      await ani.post(ani.conversation(chat.conversationId, 'accept'));
      await ani.post(ani.conversation(chat.conversationId, 'notes'), {
        text: 'sudah cek invoice 7001',
      });
      const detail = (await ani.get(ani.conversation(chat.conversationId))).data as {
        notes: { author: string; text: string }[];
      };
      expect(detail.notes).to.have.length(1);
      expect(detail.notes[0]).to.deep.include({ author: 'ani', text: 'sudah cek invoice 7001' });
      expect(pushed().join(' ')).to.not.contain('sudah cek invoice');
    });

    it('when transferred, then the new owner can answer, the old one cannot, and the customer is told', async () => {
      const chat = await queued();
      await ani.post(ani.conversation(chat.conversationId, 'accept'));
      const transferred = await ani.post(ani.conversation(chat.conversationId, 'transfer'), {
        to: 'budi',
      });
      expect(transferred.data).to.deep.include({ owner: 'budi' });
      expect(pushed()).to.include('Percakapan Anda dialihkan ke Budi dari tim support.');
      expect(
        (await ani.post(ani.conversation(chat.conversationId, 'messages'), { text: 'x' })).status,
      ).to.equal(409);
      expect(
        (await budi.post(budi.conversation(chat.conversationId, 'messages'), { text: 'Halo' }))
          .status,
      ).to.equal(200);
      expect(
        (await ani.post(ani.conversation(chat.conversationId, 'transfer'), { to: 'nobody' }))
          .status,
      ).to.equal(404);
    });

    it('when handed back into the upgrade flow, then the bot continues by itself with the package list', async () => {
      const chat = await queued();
      await ani.post(ani.conversation(chat.conversationId, 'accept'));
      const back = await ani.post(ani.conversation(chat.conversationId, 'handback'), {
        flow: 'upgrade-package',
      });
      expect(back.data).to.deep.include({ state: 'bot', owner: null });
      const texts = pushed();
      expect(texts).to.include('Anda kembali terhubung dengan asisten virtual OX Mail.');
      const prompt = channel.messages().at(-1)?.activity;
      expect(prompt?.text).to.match(/Pilih paket baru/);
      const transcript = (await ani.get(ani.conversation(chat.conversationId, 'transcript')))
        .data as { text?: string; from?: { role?: string } }[];
      const prompts = transcript.filter((a) => /Pilih paket baru/.test(a.text ?? ''));
      expect(prompts, 'the hand-back prompt is in the transcript too').to.have.length(2);
      expect(prompts.every((a) => a.from?.role === 'bot')).to.equal(true);
      const next = await chat.say(buttonValue(prompt, /Business/));
      expect(next[0]?.text).to.match(/OX Mail Starter → \*\*OX Mail Business\*\*/);
    });

    for (const [flow, expected] of [
      ['add-accounts', /Masukkan jumlah akun yang ingin ditambahkan/],
      ['downgrade', /baru bisa diajukan mulai/],
      ['none', /Apa yang ingin Anda lakukan\?/],
    ] as const) {
      it(`when handed back into ${flow}, then the bot continues there by itself`, async () => {
        const chat = await queued();
        await ani.post(ani.conversation(chat.conversationId, 'accept'));
        const back = await ani.post(ani.conversation(chat.conversationId, 'handback'), { flow });
        expect(back.status).to.equal(200);
        expect(channel.messages().at(-1)?.activity.text).to.match(expected);
      });
    }

    it('when staff list colleagues, watch conversations and type, then each call answers as documented', async () => {
      const chat = await queued();
      const staff = (await ani.get('/staff')).data as { username: string; presence: string }[];
      expect(staff.map((s) => s.username)).to.deep.equal(['ani', 'budi']);
      const live = (await ani.get('/conversations')).data as {
        conversationId: string;
        state: string;
      }[];
      expect(live.find((c) => c.conversationId === chat.conversationId)?.state).to.equal('queued');
      expect((await ani.post(ani.conversation(chat.conversationId, 'typing'))).status).to.equal(
        409,
      );
      await ani.post(ani.conversation(chat.conversationId, 'accept'));
      expect((await ani.post(ani.conversation(chat.conversationId, 'typing'))).status).to.equal(
        204,
      );
      expect(channel.received.some((r) => r.activity.type === 'typing')).to.equal(true);
      expect((await ani.get(ani.conversation('no-such-conversation'))).status).to.equal(404);
      expect(
        (await ani.post(ani.conversation(chat.conversationId, 'messages'), { text: '' })).status,
      ).to.equal(400);
    });

    it('when handed back to resume, then the question the flow was waiting on is asked again', async () => {
      const chat = customer(1001);
      await chat.say('upgrade paket');
      await chat.say('business');
      await chat.say('cs');
      await ani.post(ani.conversation(chat.conversationId, 'accept'));
      await ani.post(ani.conversation(chat.conversationId, 'handback'), { flow: 'resume' });
      expect(channel.messages().at(-1)?.activity.text).to.match(/Lanjutkan upgrade\?/);
      expect((await chat.texts('ya'))[0]).to.match(/Invoice: \*\*#\d+\*\*/);
    });

    it('when a queued customer cancels, then they are back with the bot where the flow stood', async () => {
      const chat = await queued();
      const back = await chat.texts('batal');
      expect(back[0]).to.match(/keluar dari antrean/);
      expect(back[1]).to.match(/Pilih paket baru/);
      expect((await ani.get('/queue')).data).to.deep.equal([]);
    });

    it('when staff close the chat, then the customer is told and the bot answers the next message', async () => {
      const chat = await queued();
      await ani.post(ani.conversation(chat.conversationId, 'accept'));
      const closed = await ani.post(ani.conversation(chat.conversationId, 'close'));
      expect(closed.data).to.deep.include({ state: 'closed' });
      expect(pushed().at(-1)).to.match(/sudah ditutup/);
      expect((await chat.texts('halo'))[0]).to.match(/Halo Budi/);
    });

    it('when staff take over a bot conversation mid-turn, then the reply computed before is never sent', async () => {
      const chat = customer(1001);
      await chat.say('halo');
      await bot.admin.fault({ action: 'getclientsproducts', mode: 'delay', ms: 700 });
      const turn = chat.texts('upgrade paket');
      await new Promise((resolve) => setTimeout(resolve, 250));
      const taken = await ani.post(ani.conversation(chat.conversationId, 'takeover'));
      expect(taken.status).to.equal(200);
      expect(await turn).to.deep.equal([]);
    });

    it('when a customer has waited longer than the wait timeout, then they are offered to leave a message', async () => {
      const chat = await queued();
      clock = new Date(clock.getTime() + 11 * 60_000);
      await bot.app.handoff.service.tick();
      expect(pushed().at(-1)).to.match(/sudah menunggu cukup lama.*meninggalkan pesan/s);
      expect((await chat.texts('ya'))[0]).to.match(/tulis pesan Anda/);
      expect((await chat.texts('Tolong telepon saya'))[0]).to.match(/tiket \*\*#/);
    });

    it('when the transcript is exported, then it is a .transcript array with customer, bot, staff, notes and handoff events', async () => {
      const chat = await queued();
      await ani.post(ani.conversation(chat.conversationId, 'accept'));
      await chat.say('<img src=x onerror=alert(1)>');
      await ani.post(ani.conversation(chat.conversationId, 'messages'), { text: 'Baik' });
      await ani.post(ani.conversation(chat.conversationId, 'notes'), { text: 'catatan' });
      const transcript = (await ani.get(ani.conversation(chat.conversationId, 'transcript')))
        .data as {
        type: string;
        name?: string;
        text?: string;
        timestamp?: string;
        from?: { role?: string };
      }[];
      expect(
        transcript.every((a) => typeof a.type === 'string' && typeof a.timestamp === 'string'),
      ).to.equal(true);
      expect(
        transcript.some(
          (a) => a.from?.role === 'user' && a.text === '<img src=x onerror=alert(1)>',
        ),
      ).to.equal(true);
      expect(transcript.some((a) => a.type === 'message' && a.text === 'Baik')).to.equal(true);
      expect(transcript.some((a) => a.type === 'trace' && a.name === 'staff.note')).to.equal(true);
      expect(transcript.some((a) => a.type === 'event' && a.name === 'handoff.status')).to.equal(
        true,
      );
    });

    it('when a customer asks for a person, then the event stream tells connected consoles', async () => {
      const received: string[] = [];
      const controller = new AbortController();
      const stream = await axios.get(`${bot.url}/staff/api/events`, {
        headers: { authorization: `Bearer ${ani.bearer}` },
        responseType: 'stream',
        signal: controller.signal,
      });
      stream.data.on('data', (chunk: Buffer) => received.push(chunk.toString()));
      await queued();
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      expect(received.join('')).to.match(/event: queue\ndata: \[\{"conversationId"/);
    });
  });

  describe('with nobody online', () => {
    it('when a signed-in customer asks for a person, then a message can be left as a Billing ticket with the summary', async () => {
      const chat = customer(1001);
      await chat.say('upgrade paket');
      const offer = await chat.say('cs');
      expect(offer[0]?.text).to.match(/belum ada tim support yang tersedia/);
      const prompt = await chat.texts(buttonValue(offer[0], /Tinggalkan pesan/));
      expect(prompt[0]).to.match(/tulis pesan Anda/);
      const filed = await chat.texts('Saya mau tanya harga paket tahunan');
      const tickets = (await bot.admin.records()).tickets as {
        tid: string;
        deptid: number;
        userid: number;
        message: string;
      }[];
      expect(tickets).to.have.length(1);
      expect(filed[0]).to.contain(`#${tickets[0]?.tid}`);
      expect(tickets[0]).to.deep.include({ deptid: 2, userid: 1001 });
      expect(tickets[0]?.message).to.contain('Saya mau tanya harga paket tahunan');
      expect(tickets[0]?.message).to.contain('upgrade paket');
      expect((await chat.texts('halo'))[0]).to.match(/Halo Budi/);
    });

    it('when a guest asks for a person, then they are told how to reach the team instead', async () => {
      const chat = bot.chat({ serviceUrl });
      const offer = await chat.say('cs');
      const answer = await chat.texts(buttonValue(offer[0], /Tinggalkan pesan/));
      expect(answer[0]).to.match(/silakan login ke Clientzone/);
    });
  });

  describe('with HANDOFF_MODE=external', () => {
    beforeEach(async () => {
      await bot.close();
      bot = await startBot({ env: { HANDOFF_MODE: 'external' }, now: () => clock });
    });

    it('when the customer asks for a person, then handoff.initiate carries the context and transcript, and handoff.status moves ownership', async () => {
      const chat = customer(1001);
      await chat.say('upgrade paket');
      const initiated = await chat.all('cs');
      const event = initiated.find((a) => a.type === 'event');
      expect(event?.name).to.equal('handoff.initiate');
      expect(event?.value).to.deep.include({
        reason: 'asked',
        customer: { clientId: 1001, name: 'Budi' },
      });
      const transcript = event?.attachments?.[0]?.content as
        { activities: { text?: string }[] } | undefined;
      expect(transcript?.activities.some((a) => a.text === 'upgrade paket')).to.equal(true);
      expect(
        initiated.some((a) => a.type === 'message' && /Mohon tunggu/.test(a.text ?? '')),
      ).to.equal(true);

      const status = async (state: string) =>
        chat.post({
          ...(await chat.activity('', `status-${state}`)),
          type: 'event',
          name: 'handoff.status',
          value: { state },
          text: undefined,
        });
      await status('accepted');
      expect(await chat.texts('halo agen')).to.deep.equal([]);
      await status('completed');
      expect((await chat.texts('business'))[0]).to.match(
        /OX Mail Starter → \*\*OX Mail Business\*\*/,
      );
    });
  });
});
