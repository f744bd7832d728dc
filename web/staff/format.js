import { factLabels, flowNames } from './strings.js';

const money = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
const clock = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric' });

export function formatMoney(value) {
  return typeof value === 'number' ? money.format(value) : String(value);
}

export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : clock.format(date);
}

export function formatDate(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : day.format(date);
}

/** "45 dtk", "3 mnt 5 dtk", "1 jam 2 mnt". */
export function formatDuration(totalSeconds) {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${hours} jam ${minutes} mnt`;
  if (minutes > 0) return `${minutes} mnt ${seconds % 60} dtk`;
  return `${seconds} dtk`;
}

function formatFact(key, value) {
  if (key === 'price' || key === 'invoiceTotal') return formatMoney(value);
  if (key === 'invoiceId' || key === 'ticket') return `#${value}`;
  if (key === 'dueDate') return formatDate(value);
  if (key === 'daysLeft') return `${value} hari`;
  return String(value);
}

/** The facts as [label, text] pairs, in the contract's order, unknown keys last. */
export function factRows(facts = {}) {
  const known = Object.keys(factLabels).filter((key) => facts[key] !== undefined);
  const unknown = Object.keys(facts).filter((key) => !(key in factLabels));
  return [...known, ...unknown].map((key) => [factLabels[key] ?? key, formatFact(key, facts[key])]);
}

const accounts = (f) =>
  f.accountsTo !== undefined ? ` (${f.accountsFrom ?? '?'} → ${f.accountsTo} akun)` : '';
const to = (f) => (f.targetPackage ? ` ke ${f.targetPackage}` : '');
const price = (f) => (f.price !== undefined ? `, ${formatMoney(f.price)}` : '');
const invoice = (f) => (f.invoiceId !== undefined ? ` #${f.invoiceId}` : '');

/** Where each flow stood, in words a staff member reads at a glance. */
const upgradeStages = {
  loadingAccount: () => 'memuat data layanan',
  choosingService: () => 'memilih layanan',
  checkingPendingUpgrade: () => 'memeriksa upgrade yang belum dibayar',
  choosingKind: () => 'memilih: upgrade paket atau tambah akun',
  choosingPackage: () => 'memilih paket upgrade',
  enteringAccounts: (f) =>
    `menunggu jumlah akun${f.accountsFrom !== undefined ? ` (saat ini ${f.accountsFrom})` : ''}`,
  quoting: () => 'menghitung harga',
  confirming: (f) =>
    f.targetPackage
      ? `konfirmasi upgrade${to(f)}${price(f)}`
      : `konfirmasi tambah akun${accounts(f)}${price(f)}`,
  placingUpgrade: () => 'memesan upgrade di Clientzone',
  blockedByUnpaidInvoice: (f) => `diblokir: invoice${invoice(f)} belum dibayar`,
  blocked: (f) => `diblokir: invoice${invoice(f)} belum dibayar`,
  done: (f) => `upgrade dipesan${f.invoiceId !== undefined ? `, invoice${invoice(f)}` : ''}`,
  failed: (f) => `gagal: Clientzone bermasalah${f.errorCode ? ` (${f.errorCode})` : ''}`,
  noServices: () => 'tidak punya layanan OX Mail',
  serviceNotActive: () => 'layanan tidak aktif',
  ineligible: () => 'layanan tidak aktif',
  nothingToUpgrade: () => 'sudah paket tertinggi',
  nothingToDo: () => 'tidak ada yang bisa diubah',
  cancelled: () => 'dibatalkan pelanggan',
};

const downgradeStages = {
  ...upgradeStages,
  tooEarly: (f) =>
    `terlalu awal: jatuh tempo ${f.dueDate ? formatDate(f.dueDate) : '?'}` +
    (f.daysLeft !== undefined ? `, ${f.daysLeft} hari lagi` : ''),
  choosingPackage: () => 'memilih paket downgrade',
  enteringAccounts: (f) =>
    `menunggu jumlah akun baru${f.accountsFrom !== undefined ? ` (saat ini ${f.accountsFrom})` : ''}`,
  enteringReason: () => 'menunggu alasan downgrade',
  confirming: (f) => `konfirmasi downgrade${to(f)}${accounts(f)}`,
  filingTicket: () => 'mengajukan tiket ke Billing',
  filed: (f) => `tiket${f.ticket ? ` #${f.ticket}` : ''} diajukan`,
  alreadyFiled: (f) => `tiket${f.ticket ? ` #${f.ticket}` : ''} sudah ada`,
  reminderSet: () => 'pengingat dipasang',
  reminderDeclined: () => 'menolak pengingat',
  nothingLower: () => 'sudah paket terendah',
  noDueDate: () => 'layanan tanpa tanggal jatuh tempo',
  blocked: (f) => `diblokir: invoice perpanjangan${invoice(f)} belum dibayar`,
  done: (f) => `permintaan diajukan${f.ticket ? `, tiket #${f.ticket}` : ''}`,
};

/** "Upgrade: konfirmasi upgrade ke OX Mail Business, Rp 150.000" or null without a flow. */
export function describeStage(stage) {
  if (!stage || !stage.flow) return null;
  const facts = stage.facts ?? {};
  const table = stage.flow === 'downgrade' ? downgradeStages : upgradeStages;
  const describe = Object.hasOwn(table, stage.state) ? table[stage.state] : null;
  const text = describe ? describe(facts) : String(stage.state ?? '');
  return `${flowNames[stage.flow] ?? stage.flow}: ${text}`;
}

/** "tokobudi.co.id · OX Mail Starter" */
export function describeService(service) {
  if (!service) return null;
  return [service.domain, service.productName].filter(Boolean).join(' · ');
}
