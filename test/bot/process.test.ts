import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import { expect } from 'chai';
import { DEV_CHAT_IDENTITY_SECRET } from '../../bot/config.js';
import { signIdentityToken } from '../../bot/identity.js';

const ROOT = path.join(__dirname, '../../..');

interface Started {
  child: ChildProcess;
  botUrl: string;
  sandboxUrl: string;
  exited: Promise<number | null>;
}

/** Runs `node dist/bot/index.js` as `npm start` does, on free ports, and waits until it listens. */
function startProcess(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', 'dist/bot/index.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CLIENTZONE_SANDBOX_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`no listening line in: ${buffer}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.includes('oxmail-support-bot listening'));
      if (!line) return;
      clearTimeout(timer);
      const { port, sandbox } = JSON.parse(line) as { port: number; sandbox: string };
      resolve({ child, botUrl: `http://127.0.0.1:${port}`, sandboxUrl: sandbox, exited });
    });
  });
}

describe('the bot process', function () {
  this.timeout(30_000);
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'oxmail-proc-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when SIGTERM arrives during a turn, then the turn finishes, its reply is delivered and the process exits 0', async () => {
    const bot = await startProcess(dataDir);
    await axios.post(`${bot.sandboxUrl}/__sandbox/faults`, {
      action: 'getclientsproducts',
      mode: 'delay',
      ms: 1200,
    });
    const token = await signIdentityToken({ clientId: 1001 }, DEV_CHAT_IDENTITY_SECRET);
    const turn = axios.post<{ activities: { text?: string }[] }>(`${bot.botUrl}/api/messages`, {
      type: 'message',
      id: 'a1',
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      from: { id: 'u1' },
      recipient: { id: 'bot' },
      conversation: { id: 'c1' },
      text: 'upgrade paket',
      channelData: { identityToken: token },
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    bot.child.kill('SIGTERM');
    const response = await turn;
    expect(response.data.activities[0]?.text).to.match(/Pilih paket baru/);
    expect(await bot.exited).to.equal(0);
  });

  it('when the process restarts, then the sandbox and the conversation continue where they stood', async () => {
    const first = await startProcess(dataDir);
    const token = await signIdentityToken({ clientId: 1001 }, DEV_CHAT_IDENTITY_SECRET);
    const send = (url: string, id: string, text: string) =>
      axios.post<{ activities: { text?: string }[] }>(`${url}/api/messages`, {
        type: 'message',
        id,
        channelId: 'test',
        serviceUrl: 'http://127.0.0.1:9',
        deliveryMode: 'expectReplies',
        from: { id: 'u1' },
        recipient: { id: 'bot' },
        conversation: { id: 'c2' },
        text,
        channelData: { identityToken: token },
      });
    await send(first.botUrl, 'b1', 'upgrade paket');
    await send(first.botUrl, 'b2', '1');
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await startProcess(dataDir);
    const placed = await send(second.botUrl, 'b3', 'ya');
    expect(placed.data.activities[0]?.text).to.match(/Invoice: \*\*#\d+\*\*/);
    second.child.kill('SIGTERM');
    expect(await second.exited).to.equal(0);
  });
});
