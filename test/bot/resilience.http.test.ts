import axios from 'axios';
import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botServer.js';
import { buttonValue } from '../support/chatClient.js';

describe('when Clientzone misbehaves', () => {
  let bot: BotUnderTest;

  beforeEach(async () => {
    bot = await startBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  for (const mode of ['status500', 'html', 'reset-before']) {
    it(`when Clientzone answers ${mode}, then the customer gets a polite retry and the retry works once it recovers`, async () => {
      await bot.admin.fault({ action: 'getclientsproducts', mode, times: 2 });
      const chat = bot.chat({ clientId: 1001 });
      const failed = await chat.say('upgrade paket');
      expect(failed[0]?.text).to.match(/Clientzone sedang tidak dapat dihubungi/);
      expect(failed[0]?.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
        'Coba lagi',
        'Chat dengan CS',
        'Batal',
      ]);
      const retried = await chat.texts(buttonValue(failed[0], /Coba lagi/));
      expect(retried[0]).to.match(/Pilih paket baru/);
    });
  }

  it('when Clientzone is slower than the step timeout, then the flow fails politely instead of hanging', async () => {
    await bot.close();
    bot = await startBot({ env: { CLIENTZONE_TIMEOUT_MS: '300', FLOW_STEP_TIMEOUT_MS: '1000' } });
    await bot.admin.fault({ action: 'getproducts', mode: 'delay', ms: 2000, times: 3 });
    const started = Date.now();
    const replies = await bot.chat({ clientId: 1001 }).texts('upgrade paket');
    expect(Date.now() - started).to.be.below(1900);
    expect(replies[0]).to.match(/lambat merespons|tidak dapat dihubungi/);
  });

  it('when Clientzone cannot be reached at all, then the bot still answers and /healthz stays up', async () => {
    await bot.close();
    bot = await startBot({ apiUrl: 'http://127.0.0.1:9/includes/api.php' });
    const replies = await bot.chat({ clientId: 1001 }).texts('upgrade paket');
    expect(replies[0]).to.match(/tidak dapat dihubungi/);
    const health = await axios.get(`${bot.url}/healthz`);
    expect(health.data).to.deep.equal({ status: 'ok', database: 'ok' });
  });

  it('when the request body is not an activity, then the bot answers 400 and keeps serving', async () => {
    const bad = await axios.post(`${bot.url}/api/messages`, 'garbage', {
      headers: { 'content-type': 'text/plain' },
      validateStatus: () => true,
    });
    expect(bad.status).to.be.within(400, 499);
    const replies = await bot.chat().texts('halo');
    expect(replies[0]).to.match(/Halo/);
  });

  it('when a conversation update adds the customer, then the welcome and menu are sent once', async () => {
    const chat = bot.chat({ clientId: 1001 });
    const update = {
      ...(await chat.activity('', 'join-1')),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'user-1001', name: 'Budi' }],
    };
    const first = await chat.post(update);
    expect(first.map((a) => a.text)).to.deep.equal([
      'Halo Budi! Saya asisten virtual OX Mail. Saya bisa membantu upgrade paket atau menambah akun email layanan OX Mail Anda.',
      'Apa yang ingin Anda lakukan?',
    ]);
    expect(await chat.post({ ...update, id: 'join-2' })).to.deep.equal([]);
  });

  it('when /metrics is scraped, then turn and Clientzone figures are exposed', async () => {
    await bot.chat({ clientId: 1001 }).say('upgrade paket');
    const metrics = await axios.get<string>(`${bot.url}/metrics`);
    expect(metrics.data).to.match(/oxmail_turns_total\{type="message",outcome="200"\} \d+/);
    expect(metrics.data).to.match(
      /oxmail_clientzone_calls_total\{action="GetProducts",outcome="success"\} 1/,
    );
  });
});
