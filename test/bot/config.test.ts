import { expect } from 'chai';
import { isAppError } from '../../clientzone/appError.js';
import { DEV_CHAT_IDENTITY_SECRET, loadConfig, parseDuration } from '../../bot/config.js';

describe('loadConfig', () => {
  it('when nothing is configured, then the documented defaults apply and the sandbox is used', () => {
    const config = loadConfig({});
    expect(config.port).to.equal(3978);
    expect(config.clientzone.apiUrl).to.equal(null);
    expect(config.clientzone.paymentMethod).to.equal('banktransfer');
    expect(config.downgradeWindowDays).to.equal(30);
    expect(config.dataDir).to.equal('./data');
    expect(config.chatIdentitySecret).to.equal(DEV_CHAT_IDENTITY_SECRET);
    expect(config.support).to.deep.equal({
      hours: 'mon-fri 08:00-20:00, sat 08:00-14:00',
      timezone: 'Asia/Jakarta',
      handoffMode: 'builtin',
      waitTimeoutMs: 600_000,
    });
  });

  it('when several values are bad, then every bad key is listed at once', () => {
    try {
      loadConfig({
        PORT: 'abc',
        CLIENTZONE_API_URL: 'not a url',
        HANDOFF_WAIT_TIMEOUT: 'soon',
        CHAT_IDENTITY_SECRET: 'short',
      });
      expect.fail('should have thrown');
    } catch (error) {
      expect(isAppError(error, 'CONFIG_INVALID')).to.equal(true);
      const message = (error as Error).message;
      for (const key of [
        'PORT',
        'CLIENTZONE_API_URL',
        'HANDOFF_WAIT_TIMEOUT',
        'CHAT_IDENTITY_SECRET',
      ]) {
        expect(message).to.contain(key);
      }
    }
  });

  it('when running in production with the development secrets, then start-up is refused', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(/must be set in production/);
  });

  it('when the config is loaded, then it is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).to.equal(true);
    expect(Object.isFrozen(config.clientzone)).to.equal(true);
  });

  it('when staff users are bootstrapped, then names and passwords are split at the first colon', () => {
    const config = loadConfig({ STAFF_BOOTSTRAP_USERS: 'ani:pa:ss, budi:secret' });
    expect(config.staffBootstrapUsers).to.deep.equal([
      { username: 'ani', password: 'pa:ss' },
      { username: 'budi', password: 'secret' },
    ]);
  });

  for (const [text, ms] of [
    ['10m', 600000],
    ['30s', 30000],
    ['250ms', 250],
    ['1h', 3600000],
    ['15', 15],
    ['x', null],
  ] as const) {
    it(`when a duration is "${text}", then it is ${ms} ms`, () => {
      expect(parseDuration(text)).to.equal(ms);
    });
  }
});
