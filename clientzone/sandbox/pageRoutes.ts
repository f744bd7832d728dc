import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxApiError } from './apiError.js';
import { findInvoice } from './catalogue.js';
import { readBody, sendHtml, sendRedirect } from './httpUtils.js';
import { recordPayment } from './invoiceLedger.js';
import { renderInvoiceList, renderInvoicePage, renderNotFound } from './invoicePages.js';
import type { SandboxClock } from './sandboxClock.js';
import type { SandboxLog, SandboxStore } from './sandboxStore.js';

export interface PageDeps {
  store: SandboxStore;
  clock: SandboxClock;
  log: SandboxLog;
}

function payInvoice(deps: PageDeps, invoiceId: number): string | null {
  const now = deps.clock.now();
  try {
    deps.store.mutate((draft) => {
      const invoice = findInvoice(draft, invoiceId);
      const payment = { transid: `SANDBOX-${now.getTime()}`, gateway: '', amount: null };
      if (invoice?.status !== 'Paid') recordPayment(draft, invoiceId, payment, now);
    });
    deps.log('sandbox invoice paid from page', { invoiceId });
    return null;
  } catch (error) {
    if (error instanceof SandboxApiError) return error.message;
    throw error;
  }
}

/** `viewinvoice.php?id=N`: GET shows it; POST pays it (as AddInvoicePayment) and redirects. */
export async function handleInvoicePage(
  deps: PageDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const invoiceId = Number.parseInt(url.searchParams.get('id') ?? '', 10);
  if (!findInvoice(deps.store.state, invoiceId)) {
    sendHtml(res, 404, renderNotFound('Faktur tidak ditemukan.'));
    return;
  }
  if (req.method === 'POST') {
    await readBody(req);
    const failure = payInvoice(deps, invoiceId);
    if (!failure) {
      sendRedirect(res, `/viewinvoice.php?id=${invoiceId}&paymentsuccess=true`);
      return;
    }
    const invoice = findInvoice(deps.store.state, invoiceId);
    if (invoice)
      sendHtml(
        res,
        409,
        renderInvoicePage(deps.store.state, invoice, { kind: 'error', text: failure }),
      );
    return;
  }
  const invoice = findInvoice(deps.store.state, invoiceId);
  if (!invoice) return;
  const paid = url.searchParams.get('paymentsuccess') === 'true';
  const notice = paid
    ? { kind: 'notice' as const, text: 'Pembayaran berhasil diterima. Terima kasih!' }
    : undefined;
  sendHtml(res, 200, renderInvoicePage(deps.store.state, invoice, notice));
}

/** `clientarea.php?action=invoices[&clientid=N]`. */
export function handleClientArea(deps: PageDeps, res: ServerResponse, url: URL): void {
  if (url.searchParams.get('action') !== 'invoices') {
    sendHtml(res, 404, renderNotFound('Halaman ini tidak ada di sandbox.'));
    return;
  }
  const clientId = Number.parseInt(url.searchParams.get('clientid') ?? '', 10);
  sendHtml(res, 200, renderInvoiceList(deps.store.state, Number.isNaN(clientId) ? null : clientId));
}
