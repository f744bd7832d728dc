import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { HandoffEvents, StaffEvent } from './handoffEvents.js';
import type { StaffApi } from './staffApi.js';

/** Strict policy for the console: its own scripts and styles only, nothing inline, no framing. */
export const STAFF_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const PING_MS = 20_000;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Mounts the staff API, its event stream and the console page. */
export function registerStaffRoutes(
  server: Server,
  api: StaffApi,
  events: HandoffEvents,
  webRoot: string,
): void {
  const base = '/staff/api';
  server.post(`${base}/login`, api.login);
  server.post(`${base}/logout`, api.logout);
  server.get(`${base}/me`, api.me);
  server.post(`${base}/presence`, api.presence);
  server.get(`${base}/staff`, api.staffList);
  server.get(`${base}/queue`, api.queue);
  server.get(`${base}/conversations`, api.conversations);
  server.get(`${base}/conversations/:id`, api.conversation);
  server.post(`${base}/conversations/:id/accept`, api.accept);
  server.post(`${base}/conversations/:id/takeover`, api.takeover);
  server.post(`${base}/conversations/:id/messages`, api.message);
  server.post(`${base}/conversations/:id/typing`, api.typing);
  server.post(`${base}/conversations/:id/notes`, api.note);
  server.post(`${base}/conversations/:id/transfer`, api.transfer);
  server.post(`${base}/conversations/:id/handback`, api.handback);
  server.post(`${base}/conversations/:id/close`, api.close);
  server.get(`${base}/conversations/:id/transcript`, api.transcript);
  server.get(`${base}/events`, async (req: Request, res: Response) => {
    const staff = await api.authenticate(req, res);
    // An open event stream is the console's presence heartbeat.
    if (staff) await streamEvents(req, res, events, () => api.heartbeat(staff.username));
  });
  registerConsolePages(server, webRoot);
}

function streamEvents(
  req: Request,
  res: Response,
  events: HandoffEvents,
  heartbeat: () => Promise<void>,
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': connected\n\n');
  const send = (event: StaffEvent) =>
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
  const unsubscribe = events.subscribe(send);
  const ping = setInterval(() => {
    res.write(': ping\n\n');
    void heartbeat().catch(() => undefined);
  }, PING_MS);
  return new Promise((resolve) => {
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      resolve();
    });
  });
}

/** Serves the console's files from a fixed list read at start: no path from the request touches the disk. */
function registerConsolePages(server: Server, webRoot: string): void {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of safeList(webRoot)) {
    files.set(name, {
      body: readFileSync(path.join(webRoot, name)),
      type: TYPES[path.extname(name)] ?? 'application/octet-stream',
    });
  }
  const serve = (name: string, res: Response) => {
    const file = files.get(name);
    if (!file) return void res.send(404, 'Not found');
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': STAFF_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    res.end(file.body);
  };
  server.get('/staff', async (_req: Request, res: Response) => serve('index.html', res));
  server.get('/staff/:file', async (req: Request, res: Response) =>
    serve(String((req.params as Record<string, string>).file), res),
  );
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => /^[\w.-]+$/.test(name) && path.extname(name) in TYPES);
  } catch {
    return [];
  }
}
