import { expect } from 'chai';
import axios from 'axios';
import { gunzipSync } from 'node:zlib';
import { verifyIdentityToken } from '../../bot/identity.js';
import { startBot, type BotUnderTest } from '../support/botServer.js';

describe('the chat page and its sign-in endpoints over HTTP', () => {
  let sandboxBot: BotUnderTest;
  let realBot: BotUnderTest;

  before(async () => {
    [sandboxBot, realBot] = await Promise.all([startBot({ sandboxMode: true }), startBot()]);
  });
  after(async () => {
    await Promise.all([sandboxBot.close(), realBot.close()]);
  });

  it('when the page is loaded, then it has a strict Content-Security-Policy whose nonce the page carries', async () => {
    const response = await axios.get<string>(`${realBot.url}/`);
    const csp = String(response.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).to.have.length.greaterThan(20);
    expect(csp).to.contain("script-src 'self';").and.contain("default-src 'none'");
    expect(csp).to.not.contain('unsafe-inline').and.not.contain('unsafe-eval');
    expect(response.data).to.contain(`nonce="${nonce}"`).and.not.contain('__CSP_NONCE__');
    expect(response.data).to.contain('src="/vendor/webchat.js"');
    const again = await axios.get<string>(`${realBot.url}/`);
    expect(again.headers['content-security-policy']).to.not.equal(csp);
  });

  it('when Web Chat and the page scripts are fetched, then they come from this server (gzip for the bundle)', async () => {
    const bundle = await axios.get<ArrayBuffer>(`${realBot.url}/vendor/webchat.js`, {
      responseType: 'arraybuffer',
      decompress: false,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(bundle.headers['content-encoding']).to.equal('gzip');
    expect(gunzipSync(Buffer.from(bundle.data)).includes('renderWebChat')).to.equal(true);
    for (const file of ['chat.js', 'strings.js', 'chat.css']) {
      expect((await axios.get(`${realBot.url}/chat/${file}`)).status, file).to.equal(200);
    }
    const missing = await axios.get(`${realBot.url}/chat/..%2Fpackage.json`, {
      validateStatus: () => true,
    });
    expect(missing.status).to.equal(404);
  });

  it('when the bot runs against the sandbox, then the demo customers can be signed in as', async () => {
    const customers = await axios.get<{ clientId: number; name: string }[]>(
      `${sandboxBot.url}/api/chat/demo-customers`,
    );
    expect(customers.data.map((c) => c.clientId)).to.include(1001);
    const demo = await axios.post<{ identityToken: string }>(
      `${sandboxBot.url}/api/chat/demo-token`,
      { clientId: 1001 },
    );
    const identity = await verifyIdentityToken(
      demo.data.identityToken,
      sandboxBot.config.chatIdentitySecret,
    );
    expect(identity.clientId).to.equal(1001);
    const unknown = await axios.post(
      `${sandboxBot.url}/api/chat/demo-token`,
      { clientId: 4242 },
      { validateStatus: () => true },
    );
    expect(unknown.status).to.equal(404);
  });

  it('when the bot runs against a real Clientzone, then there is no demo sign-in', async () => {
    const options = { validateStatus: () => true };
    const token = await axios.post(
      `${realBot.url}/api/chat/demo-token`,
      { clientId: 1001 },
      options,
    );
    const list = await axios.get(`${realBot.url}/api/chat/demo-customers`, options);
    expect([token.status, list.status]).to.deep.equal([404, 404]);
  });
});
