import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { DirectLineError } from './directLineHttp.js';

/** The customer the client area vouched for, as verified when the token was issued. */
export interface ChatIdentity {
  clientId: number;
  name: string | null;
  locale: string | null;
}

/** What a Direct Line token grants: one conversation, as one user, maybe a verified customer. */
export interface DirectLineGrant {
  conversationId: string;
  userId: string;
  userName: string | null;
  identity: ChatIdentity | null;
  /** Epoch seconds after which the grant cannot be refreshed any more. */
  sessionExpiresAt: number;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

export const TOKEN_TTL_SECONDS = 1800;
/** The real service gives a client 60 s to open a stream URL. */
export const STREAM_TTL_SECONDS = 60;
/** A conversation's tokens can be refreshed for this long after the first one was issued. */
export const SESSION_MAX_SECONDS = 12 * 3600;

const ISSUER = 'oxmail-directline';
const AUDIENCE = { rest: 'directline', stream: 'directline-stream' } as const;
type Audience = keyof typeof AUDIENCE;

/** Signs and verifies the built-in Direct Line's tokens (HS256 with DIRECTLINE_SECRET). */
export class DirectLineTokens {
  private readonly key: Uint8Array;

  constructor(
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** A token for a new session: its refresh limit starts now. */
  issueNew(grant: Omit<DirectLineGrant, 'sessionExpiresAt'>): Promise<IssuedToken> {
    return this.issue({ ...grant, sessionExpiresAt: this.epochSeconds() + SESSION_MAX_SECONDS });
  }

  /** A token for the same grant, valid for another TOKEN_TTL_SECONDS (never past the session). */
  async issue(grant: DirectLineGrant): Promise<IssuedToken> {
    const expiresAt = Math.min(this.epochSeconds() + TOKEN_TTL_SECONDS, grant.sessionExpiresAt);
    if (expiresAt <= this.epochSeconds()) {
      throw new DirectLineError('TokenExpired', 'The session has ended; sign in again');
    }
    const token = await this.sign(grant, 'rest', expiresAt);
    return { token, expiresIn: expiresAt - this.epochSeconds() };
  }

  streamToken(grant: DirectLineGrant): Promise<string> {
    return this.sign(grant, 'stream', this.epochSeconds() + STREAM_TTL_SECONDS);
  }

  async verify(token: string, audience: Audience = 'rest'): Promise<DirectLineGrant> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE[audience],
        requiredClaims: ['exp', 'conv', 'user'],
        currentDate: this.now(),
      });
      return grantOf(payload);
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new DirectLineError('TokenExpired', 'The token has expired');
      }
      throw new DirectLineError('BadToken', 'The token is not valid');
    }
  }

  /** Whether the bearer is the Direct Line secret itself (constant time). */
  isSecret(bearer: string): boolean {
    const a = Buffer.from(bearer);
    const b = Buffer.from(this.secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The capability key in the serviceUrl the bot replies to; derived, never the secret itself. */
  connectorKey(): string {
    return createHmac('sha256', this.secret).update('connector').digest('base64url').slice(0, 32);
  }

  private sign(grant: DirectLineGrant, audience: Audience, expiresAt: number): Promise<string> {
    const identity = grant.identity
      ? { id: grant.identity.clientId, name: grant.identity.name, locale: grant.identity.locale }
      : undefined;
    return new SignJWT({
      conv: grant.conversationId,
      user: grant.userId,
      ...(grant.userName ? { name: grant.userName } : {}),
      ...(identity ? { cz: identity } : {}),
      sx: grant.sessionExpiresAt,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE[audience])
      .setIssuedAt(this.epochSeconds())
      .setExpirationTime(expiresAt)
      .setJti(randomBytes(9).toString('base64url'))
      .sign(this.key);
  }

  private epochSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}

function grantOf(payload: JWTPayload): DirectLineGrant {
  const { conv, user, name, cz, sx } = payload as Record<string, unknown>;
  if (typeof conv !== 'string' || typeof user !== 'string' || typeof sx !== 'number') {
    throw new Error('incomplete grant');
  }
  return {
    conversationId: conv,
    userId: user,
    userName: typeof name === 'string' ? name : null,
    identity: identityOf(cz),
    sessionExpiresAt: sx,
  };
}

function identityOf(claim: unknown): ChatIdentity | null {
  if (typeof claim !== 'object' || claim === null) return null;
  const { id, name, locale } = claim as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return null;
  return {
    clientId: id,
    name: typeof name === 'string' ? name : null,
    locale: typeof locale === 'string' ? locale : null,
  };
}
