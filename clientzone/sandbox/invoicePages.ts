import { displayDate } from './calendar.js';
import { findClient } from './catalogue.js';
import { invoiceBalance, invoiceTotal } from './invoiceLedger.js';
import { formatCurrency } from './money.js';
import type { InvoiceRecord, SandboxState } from './sandboxState.js';

const STATUS_LABELS: Record<string, string> = {
  Unpaid: 'Belum Dibayar',
  Paid: 'Lunas',
  Cancelled: 'Dibatalkan',
  Refunded: 'Dikembalikan',
  Draft: 'Draf',
  Collections: 'Penagihan',
  'Payment Pending': 'Menunggu Pembayaran',
};

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:46rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.5rem;text-align:left}
td.amount,th.amount{text-align:right}.desc{white-space:pre-line}.status-Paid{color:#17803d}
.status-Unpaid{color:#b42318}.notice{background:#e7f6ec;padding:.75rem;border-radius:.4rem}
.error{background:#fdecea;padding:.75rem;border-radius:.4rem}
button{background:#1d4ed8;color:#fff;border:0;padding:.7rem 1.4rem;border-radius:.4rem;font-size:1rem}`;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Clientzone (sandbox)</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export interface InvoicePageNotice {
  kind: 'notice' | 'error';
  text: string;
}

function itemRows(state: SandboxState, invoice: InvoiceRecord): string {
  return invoice.items
    .map(
      (item) =>
        `<tr><td class="desc">${escapeHtml(item.description)}</td>` +
        `<td class="amount">${escapeHtml(formatCurrency(item.amount, state.currency))}</td></tr>`,
    )
    .join('');
}

function payForm(invoice: InvoiceRecord): string {
  if (invoice.status !== 'Unpaid') return '';
  return (
    `<form method="post" action="/viewinvoice.php?id=${invoice.id}">` +
    `<button id="pay-invoice" type="submit">Bayar sekarang</button></form>`
  );
}

/** `viewinvoice.php`: the invoice, its status and, while unpaid, the pay button. */
export function renderInvoicePage(
  state: SandboxState,
  invoice: InvoiceRecord,
  notice?: InvoicePageNotice,
): string {
  const client = findClient(state, invoice.userid);
  const money = (amount: number) => escapeHtml(formatCurrency(amount, state.currency));
  const billedTo = client ? `${client.firstname} ${client.lastname} (${client.companyname})` : '';
  const body = `${notice ? `<p class="${notice.kind}">${escapeHtml(notice.text)}</p>` : ''}
<h1>Faktur #${invoice.id}</h1>
<p>Status: <strong id="invoice-status" class="status-${escapeHtml(invoice.status)}" data-status="${escapeHtml(invoice.status)}">${escapeHtml(statusLabel(invoice.status))}</strong></p>
<p>Tanggal faktur: ${escapeHtml(displayDate(invoice.date))} &middot; Jatuh tempo: ${escapeHtml(displayDate(invoice.duedate))}</p>
<p>Ditagihkan kepada: ${escapeHtml(billedTo)}</p>
<table><thead><tr><th>Deskripsi</th><th class="amount">Jumlah</th></tr></thead>
<tbody>${itemRows(state, invoice)}</tbody>
<tfoot><tr><th>Total</th><th class="amount">${money(invoiceTotal(invoice))}</th></tr>
<tr><th>Sisa tagihan</th><th class="amount" id="invoice-balance">${money(invoiceBalance(invoice))}</th></tr></tfoot></table>
${payForm(invoice)}
<p><a href="/clientarea.php?action=invoices&amp;clientid=${invoice.userid}">Semua faktur</a></p>`;
  return page(`Faktur #${invoice.id}`, body);
}

/** `clientarea.php?action=invoices`: every invoice, or one client's. */
export function renderInvoiceList(state: SandboxState, clientId: number | null): string {
  const invoices = state.invoices
    .filter((invoice) => clientId === null || invoice.userid === clientId)
    .sort((a, b) => b.id - a.id);
  const rows = invoices
    .map(
      (invoice) =>
        `<tr><td><a href="/viewinvoice.php?id=${invoice.id}">#${invoice.id}</a></td>` +
        `<td>${escapeHtml(displayDate(invoice.date))}</td><td>${escapeHtml(displayDate(invoice.duedate))}</td>` +
        `<td class="amount">${escapeHtml(formatCurrency(invoiceTotal(invoice), state.currency))}</td>` +
        `<td class="status-${escapeHtml(invoice.status)}">${escapeHtml(statusLabel(invoice.status))}</td></tr>`,
    )
    .join('');
  const body = `<h1>Faktur Saya</h1>
<table><thead><tr><th>No. faktur</th><th>Tanggal</th><th>Jatuh tempo</th><th class="amount">Total</th><th>Status</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">Belum ada faktur.</td></tr>'}</tbody></table>`;
  return page('Faktur Saya', body);
}

export function renderNotFound(text: string): string {
  return page('Tidak ditemukan', `<h1>Tidak ditemukan</h1><p>${escapeHtml(text)}</p>`);
}
