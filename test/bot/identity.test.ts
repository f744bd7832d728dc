import { expect } from 'chai';
import { signIdentityToken, verifyIdentityToken } from '../../bot/identity.js';
import { AppError } from '../../clientzone/appError.js';

const SECRET = 's'.repeat(40);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('identity tokens', () => {
  it('when a token is signed and verified with the same secret, then the claims come back', async () => {
    const token = await signIdentityToken(
      { clientId: 1001, name: 'Budi', locale: 'id-ID' },
      SECRET,
    );
    const identity = await verifyIdentityToken(token, SECRET);
    expect(identity).to.deep.include({
      clientId: 1001,
      name: 'Budi',
      email: null,
      locale: 'id-ID',
    });
    expect(identity.expiresAt).to.be.closeTo(Date.now() + 3_600_000, 5_000);
  });

  it('when the token expired, then it is rejected as expired', async () => {
    const now = new Date('2026-11-26T00:00:00Z');
    const token = await signIdentityToken({ clientId: 1001 }, SECRET, 60, () => now);
    const later = () => new Date(now.getTime() + 120_000);
    const error = await rejection(verifyIdentityToken(token, SECRET, later));
    expect(error.code).to.equal('IDENTITY_INVALID');
    expect(error.details).to.deep.equal({ reason: 'expired' });
  });

  it('when the signature is wrong, then it is rejected and the reason is safe to log', async () => {
    const token = await signIdentityToken({ clientId: 1001 }, SECRET);
    const error = await rejection(verifyIdentityToken(token, 'x'.repeat(40)));
    expect(error.details).to.deep.equal({ reason: 'bad-signature' });
    expect(JSON.stringify(error.details)).to.not.contain(token);
  });

  it('when the token uses alg none, then it is rejected', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: '1001', exp: 9999999999 })).toString(
      'base64url',
    );
    const error = await rejection(verifyIdentityToken(`${header}.${payload}.`, SECRET));
    expect(error.code).to.equal('IDENTITY_INVALID');
  });
});
