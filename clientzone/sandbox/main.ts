import path from 'node:path';
import { startSandbox } from './index.js';

const DEFAULT_PORT = 3979;

function log(msg: string, data?: Record<string, unknown>): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), msg, ...data }));
}

/** Standalone entry: `node dist/clientzone/sandbox/main.js`, data in `./data/sandbox.json`. */
async function main(): Promise<void> {
  const port = Number(process.env.CLIENTZONE_SANDBOX_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `CLIENTZONE_SANDBOX_PORT is not a port: ${process.env.CLIENTZONE_SANDBOX_PORT}`,
    );
  }
  const sandbox = await startSandbox({
    port,
    dataFile: path.resolve('data', 'sandbox.json'),
    log,
  });
  const stop = (signal: string) => {
    log('sandbox stopping', { signal });
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  log('sandbox failed to start', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
