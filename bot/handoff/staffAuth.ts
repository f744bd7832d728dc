import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export const STAFF_COOKIE = 'oxmail_staff';
const SESSION_SECONDS = 12 * 3600;
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

export interface StaffSession {
  username: string;
  csrf: string;
}

/** Staff sessions: signed tokens (Bearer or HttpOnly cookie) with a CSRF token for the cookie. */
export class StaffSessions {
  private readonly key: KeyObject;

  constructor(secret: string) {
    // A key of its own, derived so that a staff token can never pass as a customer identity token.
    this.key = createSecretKey(
      createHmac('sha256', secret).update('oxmail staff session v1').digest(),
    );
  }

  async issue(username: string): Promise<{ token: string; csrf: string; maxAgeSeconds: number }> {
    const csrf = randomBytes(18).toString('base64url');
    const token = await new SignJWT({ csrf })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(username)
      .setIssuedAt()
      .setExpirationTime(`${SESSION_SECONDS}s`)
      .sign(this.key);
    return { token, csrf, maxAgeSeconds: SESSION_SECONDS };
  }

  async verify(token: string): Promise<StaffSession | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      return typeof payload.csrf === 'string' && payload.sub
        ? { username: payload.sub, csrf: payload.csrf }
        : null;
    } catch {
      return null;
    }
  }
}

/** Failed logins per username and per address; five within fifteen minutes lock both out for the rest of the window. */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait, or 0 when a login may be tried. */
  retryAfter(keys: string[]): number {
    const now = this.now();
    const blocked = keys
      .map((key) => this.failures.get(key))
      .filter((entry) => entry && entry.resetAt > now && entry.count >= MAX_FAILURES)
      .map((entry) => Math.ceil(((entry?.resetAt ?? now) - now) / 1000));
    return blocked.length > 0 ? Math.max(...blocked) : 0;
  }

  fail(keys: string[]): void {
    const now = this.now();
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry || entry.resetAt <= now)
        this.failures.set(key, { count: 1, resetAt: now + WINDOW_MS });
      else entry.count += 1;
    }
    if (this.failures.size > 10_000) this.prune(now);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
  }
}

export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}
