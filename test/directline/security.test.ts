import { expect } from 'chai';
import axios, { type AxiosResponse } from 'axios';
import WebSocket from 'ws';
import { signIdentityToken } from '../../bot/identity.js';
import { startBot, type BotUnderTest } from '../support/botServer.js';
import { chatSession, type ChatSession } from './directLineKit.js';

describe('built-in Direct Line: who may do what', () => {
  let bot: BotUnderTest;
  let clock = Date.now();

  before(async () => {
    bot = await startBot({ now: () => new Date(clock) });
  });
  after(async () => {
    await bot.close();
  });

  const dl = (path: string) => `${bot.url}/v3/directline${path}`;
  const auth = (token: string) => ({
    headers: { authorization: `Bearer ${token}` },
    validateStatus: () => true,
  });
  const get = (path: string, token: string) => axios.get(dl(path), auth(token));
  const post = (path: string, token: string, body: unknown = {}) =>
    axios.post(dl(path), body, auth(token));

  async function started(identityToken?: string): Promise<ChatSession & { streamUrl: string }> {
    const session = await chatSession(bot, identityToken);
    const response = await post('/conversations', session.token);
    expect(response.status).to.equal(201);
    return { ...session, streamUrl: (response.data as { streamUrl: string }).streamUrl };
  }

  function errorOf(response: AxiosResponse): { status: number; code: unknown } {
    return {
      status: response.status,
      code: (response.data as { error?: { code?: unknown } }).error?.code,
    };
  }

  it('when a token is used on another conversation, then reading, writing and reconnecting are forbidden', async () => {
    const a = await started();
    const b = await started();
    const forbidden = { status: 403, code: 'Forbidden' };
    expect(
      errorOf(await get(`/conversations/${b.conversationId}/activities`, a.token)),
    ).to.deep.equal(forbidden);
    const write = await post(`/conversations/${b.conversationId}/activities`, a.token, {
      type: 'message',
      text: 'x',
    });
    expect(errorOf(write)).to.deep.equal(forbidden);
    expect(errorOf(await get(`/conversations/${b.conversationId}`, a.token))).to.deep.equal(
      forbidden,
    );
    const foreignStream = a.streamUrl.replace(a.conversationId, b.conversationId);
    expect(await upgradeStatus(foreignStream)).to.equal(403);
    expect(await upgradeStatus(a.streamUrl.replace(/t=[^&]+/, 't=forged'))).to.equal(403);
    expect(await upgradeStatus(a.streamUrl)).to.equal(101);
  });

  it('when a client sets from.id and an identity token of another customer, then the server stamps its own user and the bot sees a guest', async () => {
    const guest = await started();
    const forged = await signIdentityToken({ clientId: 1002 }, bot.config.chatIdentitySecret);
    const sent = await post(`/conversations/${guest.conversationId}/activities`, guest.token, {
      type: 'message',
      text: 'upgrade paket',
      from: { id: 'cz-1002', name: 'Sari', role: 'bot' },
      channelData: { identityToken: forged, clientActivityID: 'c1' },
    });
    expect(sent.status).to.equal(200);
    const { activities } = (
      await get(`/conversations/${guest.conversationId}/activities`, guest.token)
    ).data as { activities: { id: string; from: unknown; channelData?: unknown; text?: string }[] };
    const echo = activities.find((a) => a.id === (sent.data as { id: string }).id);
    expect(echo?.from).to.deep.equal({ id: guest.userId, role: 'user' });
    expect(echo?.channelData).to.deep.equal({ clientActivityID: 'c1' });
    expect(activities.at(-1)?.text).to.match(/silakan login ke Clientzone/);
  });

  it('when a token is refreshed, then it stays on its conversation; an expired one is refused with TokenExpired', async () => {
    const session = await started();
    const refreshed = await post('/tokens/refresh', session.token);
    expect(refreshed.status).to.equal(200);
    const body = refreshed.data as { conversationId: string; token: string; expires_in: number };
    expect(body.conversationId).to.equal(session.conversationId);
    expect(body.expires_in).to.equal(1800);
    expect(
      (await get(`/conversations/${session.conversationId}/activities`, body.token)).status,
    ).to.equal(200);
    clock += 31 * 60_000;
    try {
      expect(errorOf(await post('/tokens/refresh', body.token))).to.deep.equal({
        status: 403,
        code: 'TokenExpired',
      });
      expect(
        errorOf(await get(`/conversations/${session.conversationId}/activities`, body.token)),
      ).to.deep.equal({ status: 403, code: 'TokenExpired' });
    } finally {
      clock = Date.now();
    }
  });

  it('when tokens are generated, then only the Direct Line secret may do it', async () => {
    const session = await chatSession(bot);
    expect(errorOf(await post('/tokens/generate', session.token))).to.deep.equal({
      status: 403,
      code: 'Forbidden',
    });
    expect(
      errorOf(await axios.post(dl('/tokens/generate'), {}, { validateStatus: () => true })),
    ).to.deep.equal({ status: 401, code: 'MissingAuthorization' });
    const generated = await post('/tokens/generate', bot.config.directLineSecret, {
      user: { id: 'dl_kiosk' },
    });
    expect(generated.status).to.equal(200);
    const { token, conversationId } = generated.data as { token: string; conversationId: string };
    expect((await post('/conversations', token)).status).to.equal(201);
    expect((await post('/conversations', token)).status).to.equal(200);
    expect((await get(`/conversations/${conversationId}/activities`, token)).status).to.equal(200);
    const reserved = await post('/tokens/generate', bot.config.directLineSecret, {
      user: { id: 'cz-1001' },
    });
    expect(errorOf(reserved)).to.deep.equal({ status: 400, code: 'BadArgument' });
  });

  it('when the chat token is asked for, then a valid identity binds the customer, none makes a guest and a bad one is refused', async () => {
    const identity = await signIdentityToken(
      { clientId: 1003, name: 'John' },
      bot.config.chatIdentitySecret,
    );
    const customer = await chatSession(bot, identity);
    expect(customer.userId).to.equal('cz-1003');
    expect(customer.expiresIn).to.equal(1800);
    expect((await chatSession(bot)).userId).to.match(/^guest-[\w-]{12}$/);
    const forged = await signIdentityToken({ clientId: 1003 }, 'x'.repeat(40));
    const refused = await axios.post(
      `${bot.url}/api/chat/token`,
      { identityToken: forged },
      { validateStatus: () => true },
    );
    expect(refused.status).to.equal(401);
    expect(refused.data).to.deep.equal({
      error: {
        code: 'IdentityInvalid',
        message: 'The identity token is invalid or has expired',
        reason: 'bad-signature',
      },
    });
  });
});

function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', (error) => reject(error));
  });
}
