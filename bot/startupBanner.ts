import type { AppConfig } from './config.js';

/** The staff account `npm start` creates on the sandbox, so the console can be tried at once. */
export const DEMO_STAFF = { username: 'demo', password: 'oxmail-demo-staff' };

/** What a newcomer sees after `npm start` on a fresh machine. */
export function printHowToTry(
  config: Readonly<AppConfig>,
  sandboxUrl: string,
  staff: { username: string; password: string },
): void {
  const bot = `http://localhost:${config.port}`;
  const lines = [
    '',
    'OX Mail support bot is running against the built-in Clientzone sandbox.',
    `  Chat page:         ${bot}/   (pick a demo customer and chat)`,
    `  Staff console:     ${bot}/staff   (demo login: ${staff.username} / ${staff.password})`,
    `  Bot endpoint:      ${bot}/api/messages   (Bot Framework Emulator: open this URL, no app id)`,
    `  Health:            ${bot}/healthz`,
    `  Clientzone sandbox ${sandboxUrl}   (demo customers: ${sandboxUrl}/__sandbox/customers)`,
    '',
    'Try it with curl (the token signs you in as demo customer 1001):',
    '  TOKEN=$(npm run --silent token -- 1001)',
    `  curl -s ${bot}/api/messages -H 'content-type: application/json' -d '{"type":"message","id":"m1","channelId":"curl","serviceUrl":"http://localhost:1","deliveryMode":"expectReplies","from":{"id":"u1"},"recipient":{"id":"bot"},"conversation":{"id":"c1"},"text":"saya mau upgrade paket email","channelData":{"identityToken":"'$TOKEN'"}}'`,
    '',
  ];
  console.log(lines.join('\n'));
}
