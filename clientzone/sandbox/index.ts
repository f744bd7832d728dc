import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults.js';
import { SandboxClock } from './sandboxClock.js';
import { createSandboxServer } from './sandboxServer.js';
import { SandboxStore } from './sandboxStore.js';
import { defaultSeedFile } from './seed.js';

export const SANDBOX_IDENTIFIER = 'sandbox-api-identifier';
export const SANDBOX_SECRET = 'sandbox-api-secret';
/** The OX Mail product group. */
export const SANDBOX_PRODUCT_GROUP_ID = 1;
export const SANDBOX_BILLING_DEPARTMENT_ID = 2;

export interface SandboxOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** JSON persistence; null or undefined keeps the state in memory (tests). */
  dataFile?: string | null;
  /** Default: the committed fixture `clientzone/sandbox/seed.json`. */
  seedFile?: string;
  /** Injected clock, default `() => new Date()`. */
  now?: () => Date;
  identifier?: string;
  secret?: string;
  log?: (msg: string, data?: Record<string, unknown>) => void;
}

export interface RunningSandbox {
  /** Base URL, e.g. `http://127.0.0.1:3979`; invoice links are `${url}/viewinvoice.php?id=N`. */
  url: string;
  /** `${url}/includes/api.php`. */
  apiUrl: string;
  close(): Promise<void>;
}

/** Starts a WHMCS-compatible Clientzone sandbox with demo data and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const log = options.log ?? (() => undefined);
  const clock = new SandboxClock(options.now ?? (() => new Date()));
  const store = new SandboxStore({
    dataFile: options.dataFile ?? null,
    seedFile: options.seedFile ?? defaultSeedFile(),
    clock,
    log,
  });
  const server = createSandboxServer({
    store,
    clock,
    faults: new FaultInjector(),
    identifier: options.identifier ?? SANDBOX_IDENTIFIER,
    secret: options.secret ?? SANDBOX_SECRET,
    log,
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log('sandbox listening', { url });
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { url, apiUrl: `${url}/includes/api.php`, close };
}
