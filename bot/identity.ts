import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../clientzone/appError.js';

/** A customer identity the client area vouched for (DESIGN section 5). */
export interface VerifiedIdentity {
  clientId: number;
  name: string | null;
  email: string | null;
  locale: string | null;
  /** When the token expires (ms since epoch). */
  expiresAt: number;
}

/** Verifies an HS256 identity token; any problem is `IDENTITY_INVALID` with a reason safe to log. */
export async function verifyIdentityToken(
  token: string,
  secret: string,
  now: () => Date = () => new Date(),
): Promise<VerifiedIdentity> {
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
      currentDate: now(),
    });
    const clientId = Number(payload.sub);
    if (!/^\d+$/.test(payload.sub ?? '') || !Number.isSafeInteger(clientId) || clientId <= 0) {
      throw new AppError('IDENTITY_INVALID', 'identity token subject is not a client id', {
        details: { reason: 'bad-subject' },
      });
    }
    return {
      clientId,
      name: stringClaim(payload.name),
      email: stringClaim(payload.email),
      locale: stringClaim(payload.locale),
      expiresAt: (payload.exp ?? 0) * 1000,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IDENTITY_INVALID', 'identity token rejected', {
      details: { reason: rejectionReason(error) },
    });
  }
}

export interface IdentityClaims {
  clientId: number;
  name?: string;
  email?: string;
  locale?: string;
}

/** Signs a token as the client area does; used by `npm run token`, the sandbox chat page and tests. */
export async function signIdentityToken(
  claims: IdentityClaims,
  secret: string,
  ttlSeconds = 3600,
  now: () => Date = () => new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now().getTime() / 1000);
  const extra: Record<string, string> = {};
  if (claims.name) extra.name = claims.name;
  if (claims.email) extra.email = claims.email;
  if (claims.locale) extra.locale = claims.locale;
  return new SignJWT(extra)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.clientId))
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(secretKey(secret));
}

const keys = new Map<string, KeyObject>();

/** Importing the key on every verification costs more than the verification itself. */
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

function stringClaim(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 200) : null;
}

function rejectionReason(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return 'bad-claims';
  return 'malformed';
}
