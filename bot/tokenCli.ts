import 'dotenv/config';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { signIdentityToken } from './identity.js';

/** `npm run token -- <clientId> [--name N] [--locale en] [--ttl 3600]`: a signed identity token for local testing. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      locale: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
    },
  });
  const clientId = Number(positionals[0]);
  const ttl = Number(values.ttl);
  if (!Number.isSafeInteger(clientId) || clientId <= 0 || !Number.isSafeInteger(ttl) || ttl <= 0) {
    console.error('usage: npm run token -- <clientId> [--name Budi] [--locale en] [--ttl 3600]');
    process.exit(2);
  }
  const config = loadConfig();
  const token = await signIdentityToken(
    { clientId, name: values.name, email: values.email, locale: values.locale },
    config.chatIdentitySecret,
    ttl,
  );
  console.log(token);
}

void main();
