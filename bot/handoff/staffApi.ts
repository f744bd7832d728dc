import type { Request, Response } from 'restify';
import { z } from 'zod';
import { HANDBACK_FLOWS, type HandbackFlow } from '../../machines/handoffTypes.js';
import type { Logger } from '../logger.js';
import type { CaseSummary } from './caseViews.js';
import type { HandoffCore } from './handoffCore.js';
import type { StaffAccount, StaffAccounts } from './staffAccounts.js';
import type { StaffActions, StaffResult } from './staffActions.js';
import { LoginLimiter, STAFF_COOKIE, cookieValue, type StaffSessions } from './staffAuth.js';

export interface StaffApiDeps {
  core: HandoffCore;
  actions: StaffActions;
  accounts: StaffAccounts;
  sessions: StaffSessions;
  limiter: LoginLimiter;
  logger: Logger;
  /** Send the session cookie with `Secure` (behind HTTPS). */
  secureCookie: boolean;
}

const STATUS: Record<string, number> = {
  not_found: 404,
  unknown_staff: 404,
  owned_by_other: 409,
  not_waiting: 409,
  not_owner: 409,
};

const loginSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(500),
});
const textSchema = z.object({ text: z.string().trim().min(1).max(4000) });
const presenceSchema = z.object({ status: z.enum(['online', 'away']) });
const transferSchema = z.object({ to: z.string().min(1).max(100) });
const handbackSchema = z.object({
  flow: z.enum(HANDBACK_FLOWS as [HandbackFlow, ...HandbackFlow[]]),
});

/** The staff JSON API (docs/staff-api.md), as plain request handlers. */
export class StaffApi {
  constructor(private readonly deps: StaffApiDeps) {}

  login = async (req: Request, res: Response): Promise<void> => {
    const body = loginSchema.safeParse(req.body);
    if (!body.success) return this.badRequest(res, body.error);
    const username = body.data.username.toLowerCase();
    const keys = [`user:${username}`, `ip:${req.socket.remoteAddress ?? ''}`];
    const wait = this.deps.limiter.retryAfter(keys);
    if (wait > 0)
      return void res.json(429, { error: 'too_many_attempts', retryAfterSeconds: wait });
    const staff = await this.deps.accounts.verify(username, body.data.password);
    if (!staff) {
      this.deps.limiter.fail(keys);
      this.deps.logger.info({ username }, 'staff login refused');
      return void res.json(401, { error: 'invalid_credentials' });
    }
    this.deps.limiter.succeed(keys);
    const session = await this.deps.sessions.issue(staff.username);
    res.setHeader('set-cookie', this.cookie(session.token, session.maxAgeSeconds));
    res.json(200, {
      token: session.token,
      csrfToken: session.csrf,
      staff: { username: staff.username, displayName: staff.displayName },
    });
  };

  logout = async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('set-cookie', this.cookie('', 0));
    res.json(200, { ok: true });
  };

  private async session(req: Request) {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? cookieValue(req.headers.cookie, STAFF_COOKIE);
    return token ? await this.deps.sessions.verify(token) : null;
  }

  /** The signed-in staff member, or an answer already sent (401/403). */
  async authenticate(req: Request, res: Response): Promise<StaffAccount | null> {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const session = await this.session(req);
    const staff = session ? await this.deps.accounts.find(session.username) : undefined;
    if (!session || !staff) {
      res.json(401, { error: 'unauthenticated' });
      return null;
    }
    if (!bearer && req.method !== 'GET' && req.headers['x-csrf-token'] !== session.csrf) {
      res.json(403, { error: 'csrf' });
      return null;
    }
    await this.deps.accounts.seen(staff.username, this.deps.core.now());
    return staff;
  }

  me = this.authed(async (staff, req) => ({
    username: staff.username,
    displayName: staff.displayName,
    presence: staff.presence,
    // Lets a new tab of a cookie session make changes without logging in again.
    csrfToken: (await this.session(req))?.csrf ?? null,
  }));

  async heartbeat(username: string): Promise<void> {
    await this.deps.accounts.seen(username, this.deps.core.now());
  }

  presence = this.authed(async (staff, req, res) => {
    const body = presenceSchema.safeParse(req.body);
    if (!body.success) return this.badRequest(res, body.error);
    await this.deps.accounts.setPresence(staff.username, body.data.status, this.deps.core.now());
    await this.deps.core.publishQueue();
    return { status: body.data.status };
  });

  staffList = this.authed(async () =>
    (await this.deps.accounts.list()).map((s) => ({
      username: s.username,
      displayName: s.displayName,
      presence: s.presence,
    })),
  );

  queue = this.authed(async () => this.summaries(await this.deps.core.queue()));

  conversations = this.authed(async () =>
    this.summaries(
      (
        await this.deps.core.deps.store.list(
          ['bot', 'queued', 'withStaff', 'offeringMessage', 'takingMessage', 'closed'],
          200,
        )
      )
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .slice(0, 50),
    ),
  );

  conversation = this.authed(async (_staff, req, res) =>
    this.result(res, await this.deps.actions.detail(idOf(req))),
  );
  accept = this.authed(async (staff, req, res) =>
    this.result(res, await this.deps.actions.accept(idOf(req), staff)),
  );
  takeover = this.authed(async (staff, req, res) =>
    this.result(res, await this.deps.actions.accept(idOf(req), staff, true)),
  );
  close = this.authed(async (staff, req, res) =>
    this.result(res, await this.deps.actions.close(idOf(req), staff)),
  );

  message = this.authed(async (staff, req, res) => {
    const body = textSchema.safeParse(req.body);
    if (!body.success) return this.badRequest(res, body.error);
    return this.result(res, await this.deps.actions.message(idOf(req), staff, body.data.text));
  });

  note = this.authed(async (staff, req, res) => {
    const body = textSchema.safeParse(req.body);
    if (!body.success) return this.badRequest(res, body.error);
    return this.result(res, await this.deps.actions.note(idOf(req), staff, body.data.text));
  });

  typing = this.authed(async (staff, req, res) => {
    const result = await this.deps.actions.typing(idOf(req), staff);
    if (!result.ok) return this.result(res, result);
    res.send(204);
    return undefined;
  });

  transfer = this.authed(async (staff, req, res) => {
    const body = transferSchema.safeParse(req.body);
    if (!body.success) return this.badRequest(res, body.error);
    const to = await this.deps.accounts.find(body.data.to.toLowerCase());
    return this.result(res, await this.deps.actions.transfer(idOf(req), staff, to));
  });

  handback = this.authed(async (staff, req, res) => {
    const body = handbackSchema.safeParse(req.body);
    if (!body.success) return this.badRequest(res, body.error);
    return this.result(res, await this.deps.actions.handBack(idOf(req), staff, body.data.flow));
  });

  transcript = this.authed(async (_staff, req, res) => {
    const id = idOf(req);
    if (!(await this.deps.core.get(id))) return this.result(res, { ok: false, error: 'not_found' });
    return this.deps.core.deps.transcripts.list(id);
  });

  /** Wraps a handler: authenticate, run, answer 200 with its value (unless it answered itself). */
  authed<T>(handler: (staff: StaffAccount, req: Request, res: Response) => Promise<T | undefined>) {
    return async (req: Request, res: Response): Promise<void> => {
      const staff = await this.authenticate(req, res);
      if (!staff) return;
      const value = await handler(staff, req, res);
      if (value !== undefined && !res.headersSent) res.json(200, value);
    };
  }

  private async summaries(
    records: Parameters<HandoffCore['summary']>[0][],
  ): Promise<CaseSummary[]> {
    return Promise.all(records.map((r) => this.deps.core.summary(r)));
  }

  private result<T>(res: Response, result: StaffResult<T>): T | undefined {
    if (result.ok) return result.value;
    const body =
      result.error === 'owned_by_other'
        ? { error: result.error, owner: result.owner }
        : { error: result.error };
    res.json(STATUS[result.error] ?? 400, body);
    return undefined;
  }

  private badRequest(res: Response, error: z.ZodError): undefined {
    res.json(400, {
      error: 'bad_request',
      details: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
    return undefined;
  }

  private cookie(token: string, maxAge: number): string {
    const secure = this.deps.secureCookie ? '; Secure' : '';
    return `${STAFF_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/staff; Max-Age=${maxAge}${secure}`;
  }
}

function idOf(req: Request): string {
  return String((req.params as Record<string, string>).id ?? '');
}
