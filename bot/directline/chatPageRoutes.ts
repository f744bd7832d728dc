import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';

/** The chat page's own files under `web/chat/`, by URL name. */
const PAGE_FILES: Record<string, string> = {
  'chat.js': 'text/javascript; charset=utf-8',
  'strings.js': 'text/javascript; charset=utf-8',
  'chat.css': 'text/css; charset=utf-8',
};
const NONCE_PLACEHOLDER = '__CSP_NONCE__';
/**
 * The hash of an empty stylesheet. Web Chat 4.18 does not pass its nonce to react-scroll-to-bottom,
 * which creates an empty <style> and fills it through CSSOM; allowing empty content is harmless.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * Scripts only from this server; Web Chat's injected styles carry the per-request nonce; it loads
 * images and its feature-detection worker from blob: URLs; the socket goes to this host.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function webRoot(): string {
  const candidates = [
    path.resolve(__dirname, '../../web/chat'),
    path.resolve(__dirname, '../../../web/chat'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

function webChatBundle(): string {
  return path.resolve(path.dirname(require.resolve('botframework-webchat')), '../dist/webchat.js');
}

function baseHeaders(res: Response, contentType: string): void {
  res.setHeader('content-type', contentType);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
}

/** The customer chat page at `/`, its files, and Web Chat's UMD bundle from node_modules (no CDN). */
export function registerChatPage(server: Server, logger: Logger): void {
  const root = webRoot();
  const bundle = lazyBundle(webChatBundle());
  server.get('/', async (_req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    const html = await readFile(path.join(root, 'index.html'), 'utf8');
    baseHeaders(res, 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', contentSecurityPolicy(nonce));
    res.setHeader('cache-control', 'no-store');
    res.sendRaw(200, html.replaceAll(NONCE_PLACEHOLDER, nonce));
  });
  server.get('/chat/:file', async (req: Request, res: Response) => {
    const file = String((req.params as Record<string, unknown>).file ?? '');
    const type = Object.hasOwn(PAGE_FILES, file) ? PAGE_FILES[file] : undefined;
    if (!type) {
      res.json(404, { error: { code: 'NotFound', message: 'No such file' } });
      return;
    }
    baseHeaders(res, type);
    res.setHeader('cache-control', 'no-cache');
    res.sendRaw(200, await readFile(path.join(root, file)));
  });
  server.get('/vendor/webchat.js', async (req: Request, res: Response) => {
    const { plain, gzipped } = await bundle().catch((error: unknown) => {
      logger.error({ err: String(error) }, 'Web Chat bundle unavailable');
      throw error;
    });
    baseHeaders(res, 'text/javascript; charset=utf-8');
    res.setHeader('cache-control', 'public, max-age=86400');
    res.setHeader('vary', 'accept-encoding');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.setHeader('content-encoding', 'gzip');
      res.sendRaw(200, gzipped);
      return;
    }
    res.sendRaw(200, plain);
  });
}

/** Reads and compresses the 4 MB bundle once, on first use. */
function lazyBundle(file: string): () => Promise<{ plain: Buffer; gzipped: Buffer }> {
  let loaded: Promise<{ plain: Buffer; gzipped: Buffer }> | null = null;
  return () => {
    loaded ??= readFile(file).then((plain) => ({ plain, gzipped: gzipSync(plain) }));
    return loaded;
  };
}
