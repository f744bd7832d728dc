import 'dotenv/config';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../bot/config.js';
import { handoffStores } from '../bot/handoff/handoffStores.js';
import { openBotDatabase } from '../bot/storage/index.js';

const USAGE =
  'usage: npm run staff -- add <username> [--name "Display Name"]\n       npm run staff -- list';

/** Asks for a line without echoing it (passwords); reads a plain line when stdin is not a terminal. */
function ask(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({
    input: process.stdin,
    output,
    terminal: process.stdin.isTTY,
  });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(answer);
    });
    muted = process.stdin.isTTY;
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' } },
  });
  const [command, username] = positionals;
  const config = loadConfig();
  const database = await openBotDatabase(
    { url: config.databaseUrl, dataDir: config.dataDir, settings: config.database },
    pino({ level: 'silent' }),
  );
  try {
    const { staff } = handoffStores(database);
    if (command === 'list') {
      for (const account of await staff.list())
        console.log(`${account.username}\t${account.displayName}\t${account.presence}`);
    } else if (command === 'add' && username) {
      const password = await ask(`Password for ${username}: `);
      const again = process.stdin.isTTY ? await ask('Repeat it: ') : password;
      if (password !== again) throw new Error('the passwords differ');
      await staff.upsert(username.toLowerCase(), password, values.name);
      console.log(`staff account ${username.toLowerCase()} saved`);
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
