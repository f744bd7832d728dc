import type { Request, Response } from 'restify';

/** Direct Line 3.0 error codes; clients branch on `code`, never on `message`. */
export type DirectLineErrorCode =
  | 'BadArgument'
  | 'MissingAuthorization'
  | 'BadToken'
  | 'TokenExpired'
  | 'Forbidden'
  | 'NotFound'
  | 'BotError'
  | 'IdentityInvalid';

const STATUS: Record<DirectLineErrorCode, number> = {
  BadArgument: 400,
  MissingAuthorization: 401,
  BadToken: 401,
  IdentityInvalid: 401,
  TokenExpired: 403,
  Forbidden: 403,
  NotFound: 404,
  BotError: 502,
};

/** A failed Direct Line request, answered as `{ error: { code, message } }`. */
export class DirectLineError extends Error {
  readonly status: number;

  constructor(
    readonly code: DirectLineErrorCode,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DirectLineError';
    this.status = STATUS[code];
  }
}

export type Handler = (req: Request, res: Response) => Promise<void>;

/** Wraps a handler: every failure is answered as an ErrorResponse; `cors` for browser callers. */
export function handle(
  work: Handler,
  onUnexpected: (error: unknown) => void,
  options: { cors: boolean } = { cors: true },
): Handler {
  return async (req, res) => {
    if (options.cors) allowCrossOrigin(res);
    try {
      await work(req, res);
    } catch (error) {
      if (error instanceof DirectLineError) {
        res.json(error.status, {
          error: { code: error.code, message: error.message, ...error.details },
        });
        return;
      }
      onUnexpected(error);
      res.json(500, { error: { code: 'ServiceError', message: 'Internal error' } });
    }
  };
}

/**
 * Tokens travel in the Authorization header, never in cookies, so any origin may call (the client
 * area embeds the chat on its own origin).
 */
export function allowCrossOrigin(res: Response): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader(
    'access-control-allow-headers',
    'authorization, content-type, x-ms-bot-agent, x-requested-with',
  );
  res.setHeader('access-control-max-age', '600');
}

export function bearerOf(req: Request): string {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new DirectLineError('MissingAuthorization', 'Bearer token required');
  return match[1];
}

export function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://directline.local').searchParams;
}

export function paramOf(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw new DirectLineError('BadArgument', `Missing or invalid ${name}`);
  }
  return value;
}

export function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new DirectLineError('BadArgument', 'The body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** `ws(s)://host` of this request, as the client reached us (behind a TLS proxy too). */
export function socketOrigin(req: Request): string {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim();
  const secure = forwarded === 'https' || (!forwarded && isTlsSocket(req));
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost')
    .split(',')[0]
    ?.trim();
  return `${secure ? 'wss' : 'ws'}://${host}`;
}

function isTlsSocket(req: Request): boolean {
  return Boolean((req.socket as { encrypted?: boolean } | undefined)?.encrypted);
}
