import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** A stand-in Bot Framework channel: records what the bot POSTs to its serviceUrl. */
export class ChannelServer {
  readonly received: { path: string; activity: Partial<Activity> }[] = [];
  private readonly server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      this.received.push({
        path: req.url ?? '',
        activity: JSON.parse(body || '{}') as Partial<Activity>,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `srv-${this.received.length}` }));
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  messages(): { path: string; activity: Partial<Activity> }[] {
    return this.received.filter((r) => r.activity.type === 'message');
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
