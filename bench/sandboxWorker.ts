import { parentPort, workerData } from 'node:worker_threads';
import { SANDBOX_IDENTIFIER, SANDBOX_SECRET, startSandbox } from '../clientzone/sandbox/index.js';

/** What the bench passes to this worker. */
export interface SandboxWorkerData {
  seedFile: string;
}

/** Asks the worker to cancel an invoice through the sandbox's API (UpdateInvoice). */
export interface CancelInvoiceRequest {
  requestId: number;
  invoiceId: number;
}

/** Messages from the worker: once it listens (or could not), then one per cancel request. */
export type SandboxWorkerMessage =
  | { type: 'listening'; url: string; apiUrl: string }
  | { type: 'failed'; message: string }
  | { type: 'cancelled'; requestId: number; error: string | null };

// The bench's own bookkeeping calls run here too, so they cost the bot's event loop nothing.
async function cancelInvoice(apiUrl: string, invoiceId: number): Promise<string | null> {
  const response = await fetch(apiUrl, {
    method: 'POST',
    body: new URLSearchParams({
      action: 'UpdateInvoice',
      identifier: SANDBOX_IDENTIFIER,
      secret: SANDBOX_SECRET,
      invoiceid: String(invoiceId),
      status: 'Cancelled',
      responsetype: 'json',
    }),
  });
  const body = (await response.json()) as { result?: string; message?: string };
  return body.result === 'success' ? null : `UpdateInvoice ${invoiceId}: ${body.message}`;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('sandboxWorker must run in a worker thread');
  const { seedFile } = workerData as SandboxWorkerData;
  const reply = (message: SandboxWorkerMessage) => port.postMessage(message);
  try {
    const sandbox = await startSandbox({ port: 0, dataFile: null, seedFile });
    port.on('message', ({ requestId, invoiceId }: CancelInvoiceRequest) => {
      cancelInvoice(sandbox.apiUrl, invoiceId).then(
        (error) => reply({ type: 'cancelled', requestId, error }),
        (error: unknown) => reply({ type: 'cancelled', requestId, error: String(error) }),
      );
    });
    reply({ type: 'listening', url: sandbox.url, apiUrl: sandbox.apiUrl });
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

void main();
