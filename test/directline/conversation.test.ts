import { expect } from 'chai';
import { TurnContext, type ConversationReference } from 'botbuilder';
import { signIdentityToken } from '../../bot/identity.js';
import { startBot, type BotUnderTest } from '../support/botServer.js';
import { DirectLineTestClient, chatSession, textOf, titlesOf } from './directLineKit.js';

describe('built-in Direct Line with the official client: conversations', () => {
  let bot: BotUnderTest;
  const clients: DirectLineTestClient[] = [];
  const references: Partial<ConversationReference>[] = [];

  before(async () => {
    bot = await startBot();
    bot.app.adapter.use(async (context, next) => {
      references.push(TurnContext.getConversationReference(context.activity));
      await next();
    });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.end()));
  after(async () => {
    await bot.close();
  });

  async function customer(clientId: number | null, webSocket = true) {
    const identity = clientId
      ? await signIdentityToken({ clientId }, bot.config.chatIdentitySecret)
      : undefined;
    const session = await chatSession(bot, identity);
    const client = new DirectLineTestClient(bot, {
      token: session.token,
      webSocket,
      pollingInterval: 200,
    });
    clients.push(client);
    return { session, client };
  }

  it('when a signed-in customer chats over the WebSocket, then the welcome, the echo and the answer about their services arrive', async () => {
    const { session, client } = await customer(1001);
    expect(textOf(await client.botMessage(0))).to.match(/^Halo Budi!/);
    const mark = client.received.length;
    const id = await client.say('saya mau upgrade paket email', {
      channelData: { clientActivityID: 'client-1' },
    });
    const echo = await client.waitFor((a) => a.id === id);
    expect(echo.from).to.deep.equal({ id: session.userId, role: 'user' });
    expect(echo.channelData).to.deep.equal({ clientActivityID: 'client-1' });
    expect(echo.conversation).to.deep.equal({ id: session.conversationId });
    expect(Date.parse(echo.timestamp ?? '')).to.be.closeTo(Date.now(), 10_000);
    const offer = await client.botMessage(mark, /tokobudi\.co\.id/);
    expect(offer.replyToId).to.equal(id);
    expect(offer.from.role).to.equal('bot');
    expect(offer.id).to.match(new RegExp(`^${session.conversationId}\\|`));
    expect(Object.keys(offer)).to.not.include.members(['serviceUrl', 'callerId']);
    expect(session.userId).to.equal('cz-1001');
  });

  it('when the client polls instead of using a socket, then the echo and the replies arrive', async () => {
    const { client } = await customer(1001, false);
    await client.botMessage(0, /^Halo/);
    const mark = client.received.length;
    const id = await client.say('upgrade paket');
    await client.waitFor((a) => a.id === id, { from: mark });
    const offer = await client.botMessage(mark, /Pilih paket baru/);
    expect(titlesOf(offer)).to.include('Batal');
  });

  it('when a client reconnects with a watermark, then only the activities after it are replayed', async () => {
    const { session, client } = await customer(null);
    await client.botMessage(0, /^Halo!/);
    const first = await client.say('halo');
    await client.botMessage(client.received.findIndex((a) => a.id === first));
    const seen = new Set(client.received.map((a) => a.id));
    client.end();
    const resumed = new DirectLineTestClient(bot, {
      token: session.token,
      conversationId: session.conversationId,
      watermark: await lastWatermark(session.token, session.conversationId),
    });
    clients.push(resumed);
    const second = await resumed.say('terima kasih');
    await resumed.botMessage(0, /Sama-sama/);
    expect(resumed.received.filter((a) => seen.has(a.id))).to.deep.equal([]);
    expect(resumed.received[0]?.id).to.equal(second);
  });

  it('when the bot waits for Clientzone, then a typing indicator reaches the socket before the answer', async () => {
    const { client } = await customer(1001);
    await client.botMessage(0, /^Halo/);
    await bot.admin.fault({ action: 'GetClientsProducts', mode: 'delay', ms: 700 });
    const mark = client.received.length;
    await client.say('upgrade paket');
    const typing = await client.waitFor((a) => a.type === 'typing' && a.from.role === 'bot', {
      from: mark,
    });
    const offer = await client.botMessage(mark, /Pilih paket baru/);
    expect(client.received.indexOf(typing)).to.be.lessThan(client.received.indexOf(offer));
  });

  it('when the bot sends a proactive message, then it arrives without an unknown replyToId', async () => {
    const { session, client } = await customer(1001);
    await client.botMessage(0, /^Halo/);
    const reference = references.find((r) => r.conversation?.id === session.conversationId);
    if (!reference) throw new Error('no conversation reference captured');
    const mark = client.received.length;
    await bot.app.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('Pesan dari tim support');
    });
    const message = await client.botMessage(mark, /Pesan dari tim support/);
    expect(message.replyToId).to.equal(undefined);
    expect(message.from.role).to.equal('bot');
  });

  async function lastWatermark(token: string, conversationId: string): Promise<string> {
    const response = await fetch(
      `${bot.url}/v3/directline/conversations/${conversationId}/activities`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const body = (await response.json()) as { watermark: string };
    return body.watermark;
  }
});
