import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { defaultSeedFile, loadSeedFixture } from '../clientzone/sandbox/seed.js';
import type { SeedClient } from '../clientzone/sandbox/seedSchema.js';
import type {
  CancelInvoiceRequest,
  SandboxWorkerData,
  SandboxWorkerMessage,
} from './sandboxWorker.js';

/** Demo client 1001: one Active OX Mail Starter (annual, 5 accounts) and a web hosting service. */
export const TEMPLATE_CLIENT_ID = 1001;
const FIRST_COPY_ID = 100_001;
const FIRST_COPY_SERVICE_ID = 300_001;

export interface BenchSandbox {
  url: string;
  apiUrl: string;
  /** Copies of demo client 1001, for upgrade conversations. */
  copyClientIds: number[];
  /** UpdateInvoice status=Cancelled: frees the service for another upgrade, on its old package. */
  cancelInvoice(invoiceId: number): Promise<void>;
  /** The sandbox thread's event loop utilisation so far (see `performance.eventLoopUtilization`). */
  utilization(): EventLoopUtilization;
  close(): Promise<void>;
}

/**
 * Starts the sandbox in a worker thread of this process, seeded with the demo data plus `copies`
 * copies of demo client 1001. The sandbox stands in for a remote Clientzone, so its CPU stays off
 * the bot's event loop, as a real Clientzone's would.
 */
export async function startBenchSandbox(dir: string, copies: number): Promise<BenchSandbox> {
  const seedFile = path.join(dir, 'bench-seed.json');
  const copyClientIds = writeBenchSeed(seedFile, copies);
  const workerData: SandboxWorkerData = { seedFile };
  const worker = new Worker(path.join(__dirname, 'sandboxWorker.js'), { workerData });
  try {
    const started = await new Promise<SandboxWorkerMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`sandbox worker exited (${code})`)));
    });
    if (started.type === 'failed') throw new Error(`sandbox did not start: ${started.message}`);
    if (started.type !== 'listening') throw new Error(`sandbox worker said ${started.type}`);
    return {
      url: started.url,
      apiUrl: started.apiUrl,
      copyClientIds,
      cancelInvoice: cancelThrough(worker),
      utilization: () => worker.performance.eventLoopUtilization(),
      close: async () => {
        await worker.terminate();
      },
    };
  } catch (error) {
    await worker.terminate();
    throw error;
  }
}

/** Cancelling runs in the worker: the bench's bookkeeping costs the bot's event loop nothing. */
function cancelThrough(worker: Worker): (invoiceId: number) => Promise<void> {
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 0;
  worker.on('message', (message: SandboxWorkerMessage) => {
    if (message.type !== 'cancelled') return;
    const waiter = pending.get(message.requestId);
    pending.delete(message.requestId);
    if (message.error) waiter?.reject(new Error(message.error));
    else waiter?.resolve();
  });
  return (invoiceId) =>
    new Promise<void>((resolve, reject) => {
      nextId += 1;
      pending.set(nextId, { resolve, reject });
      worker.postMessage({ requestId: nextId, invoiceId } satisfies CancelInvoiceRequest);
    });
}

function writeBenchSeed(seedFile: string, copies: number): number[] {
  const fixture = loadSeedFixture(defaultSeedFile());
  const template = fixture.clients.find((client) => client.id === TEMPLATE_CLIENT_ID);
  if (!template) throw new Error(`the sandbox seed has no demo client ${TEMPLATE_CLIENT_ID}`);
  const extra = Array.from({ length: copies }, (_, i) => copyOf(template, i));
  const seed = { ...fixture, clients: [...fixture.clients, ...extra] };
  writeFileSync(seedFile, JSON.stringify(seed));
  return extra.map((client) => client.id);
}

function copyOf(template: SeedClient, index: number): SeedClient {
  const perClient = template.services.length;
  return {
    ...template,
    id: FIRST_COPY_ID + index,
    email: `bench${index}@example.id`,
    demoLabel: `bench copy ${index} of demo client ${TEMPLATE_CLIENT_ID}`,
    services: template.services.map((service, j) => ({
      ...service,
      id: FIRST_COPY_SERVICE_ID + index * perClient + j,
      domain: `bench${index}.${service.domain}`,
    })),
  };
}
