import { expect } from 'chai';
import { SignJWT } from 'jose';
import { signIdentityToken } from '../../bot/identity.js';
import { startBot, type BotUnderTest } from '../support/botServer.js';

describe('customer identity over /api/messages', () => {
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBot();
  });
  after(async () => {
    await bot.close();
  });

  async function callsSoFar(): Promise<number> {
    const metrics = await bot.app.metrics.registry.getSingleMetricAsString(
      'oxmail_clientzone_calls_total',
    );
    return [...metrics.matchAll(/ (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  }

  const cases: [string, () => Promise<string | null>][] = [
    ['no token', async () => null],
    [
      'a token signed with another secret',
      () => signIdentityToken({ clientId: 1001 }, 'x'.repeat(40)),
    ],
    [
      'an expired token',
      () => signIdentityToken({ clientId: 1001 }, bot.config.chatIdentitySecret, -60),
    ],
    ['a malformed token', async () => 'not.a.jwt'],
    [
      'a token whose subject is not a client id',
      () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('admin')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(bot.config.chatIdentitySecret)),
    ],
  ];

  for (const [name, token] of cases) {
    it(`when the customer has ${name}, then no account data is read and sign-in is explained`, async () => {
      const before = await callsSoFar();
      const chat = bot.chat({ token: await token() });
      const replies = await chat.say('saya mau upgrade paket email');
      expect(replies[0]?.text).to.match(/silakan login ke Clientzone/);
      expect(replies[0]?.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
        'Chat dengan CS',
      ]);
      expect(await callsSoFar()).to.equal(before);
    });
  }

  it('when a token for another client arrives later in the conversation, then it is refused', async () => {
    const chat = bot.chat({ clientId: 1001 });
    expect((await chat.texts('upgrade paket'))[0]).to.match(/tokobudi\.co\.id/);
    chat.useToken(await signIdentityToken({ clientId: 1002 }, bot.config.chatIdentitySecret));
    const replies = await chat.texts('2');
    expect(replies).to.have.length(1);
    expect(replies[0]).to.match(/sudah terhubung dengan akun Clientzone lain/);
    const stillBudi = await signIdentityToken({ clientId: 1001 }, bot.config.chatIdentitySecret);
    chat.useToken(stillBudi);
    expect((await chat.texts('batal'))[0]).to.match(/upgrade dibatalkan/);
  });

  it("when the customer types another client's service id or domain, then it is not accepted", async () => {
    const chat = bot.chat({ clientId: 1002 });
    await chat.say('upgrade paket');
    for (const foreign of ['2001', 'tokobudi.co.id', '2007']) {
      const replies = await chat.texts(foreign);
      expect(replies[0], foreign).to.match(/belum mengerti/);
    }
    expect((await bot.admin.records()).upgrades).to.have.length(1);
  });

  it('when the Clientzone language of the client is English, then the bot answers in English', async () => {
    const replies = await bot.chat({ clientId: 1003 }).texts('upgrade package');
    expect(replies[0]).to.match(/already on the highest package/);
  });
});
