import type { Texts } from './texts.js';

function failureText(errorCode: string, step: string, errors: Record<string, string>): string {
  if (
    step === 'placing' &&
    (errorCode === 'CLIENTZONE_TIMEOUT' || errorCode === 'CLIENTZONE_UNAVAILABLE')
  ) {
    return errors.placingUncertain ?? '';
  }
  return errors[errorCode] ?? errors.default ?? '';
}

/** Clientzone states the days left only for package quotes. */
const days = (n: number) => (n > 0 ? ` (${n} hari)` : '');

const errors: Record<string, string> = {
  CLIENTZONE_TIMEOUT: 'Clientzone sedang lambat merespons, jadi saya belum bisa melanjutkan.',
  CLIENTZONE_UNAVAILABLE: 'Clientzone sedang tidak dapat dihubungi saat ini.',
  CLIENTZONE_AUTH: 'Ada kendala konfigurasi di sisi kami saat menghubungi Clientzone.',
  CLIENTZONE_REJECTED: 'Clientzone menolak permintaan ini.',
  placingUncertain:
    'Saya belum mendapat konfirmasi dari Clientzone apakah upgrade sudah dibuat. Jika Anda pilih "Coba lagi", saya cek dulu ke Clientzone supaya tidak ada pesanan ganda.',
  default: 'Terjadi kendala saat memproses permintaan Anda.',
};

const cycles: Record<string, string> = {
  monthly: 'bulanan',
  quarterly: 'per 3 bulan',
  semiannually: 'per 6 bulan',
  annually: 'tahunan',
  biennially: 'per 2 tahun',
  triennially: 'per 3 tahun',
};

/** Bahasa Indonesia, the default language. */
export const id: Texts = {
  language: 'id',
  intlLocale: 'id-ID',
  common: {
    welcome: (name) =>
      `Halo${name ? ` ${name}` : ''}! Saya asisten virtual OX Mail. Saya bisa membantu upgrade paket atau menambah akun email layanan OX Mail Anda.`,
    menuPrompt: 'Apa yang ingin Anda lakukan?',
    or: 'atau',
    menuUpgradePackage: 'Upgrade paket',
    menuAddAccounts: 'Tambah akun email',
    menuHuman: 'Chat dengan CS',
    menuHelp: 'Bantuan',
    mainHelp:
      'Anda bisa menulis misalnya "saya mau upgrade paket email" atau "tambah 5 akun email". Upgrade paket dan tambah akun tidak bisa dilakukan bersamaan: lakukan salah satu dulu sampai invoice dibayar. Ketik "cs" kapan saja untuk bicara dengan tim kami, atau "batal" untuk berhenti.',
    greeting: (name) => `Halo${name ? ` ${name}` : ''}! Ada yang bisa saya bantu?`,
    thanks: 'Sama-sama! Senang bisa membantu.',
    notUnderstood: 'Maaf, saya belum mengerti. Silakan pilih salah satu menu di bawah ini.',
    anythingElse: 'Ada lagi yang bisa saya bantu?',
    signInRequired:
      'Untuk melihat atau mengubah layanan Anda, silakan login ke Clientzone lalu buka chat dari halaman Clientzone, supaya saya tahu akun Anda. Anda juga bisa bicara dengan tim kami.',
    identityMismatch:
      'Percakapan ini sudah terhubung dengan akun Clientzone lain, jadi saya tidak dapat memakai login ini di sini. Silakan mulai chat baru dari halaman Clientzone.',
    staleButton: 'Tombol itu dari pesan sebelumnya dan sudah tidak berlaku.',
    flowReset:
      'Maaf, percakapan sebelumnya tidak bisa dilanjutkan karena sistem kami diperbarui. Silakan mulai lagi.',
    somethingWentWrong:
      'Maaf, terjadi kesalahan di sisi kami. Silakan coba lagi sebentar lagi, atau ketik "cs" untuk bicara dengan tim kami.',
    stillWorking:
      'Clientzone membutuhkan waktu lebih lama dari biasanya. Silakan kirim pesan Anda lagi sebentar lagi; tidak ada yang diproses dua kali.',
    handoffRequested:
      'Untuk bicara langsung dengan tim support kami, silakan kirim tiket dari Clientzone (menu Support) atau hubungi kami lewat email atau telepon. Saya tetap siap membantu upgrade di sini.',
    cycles,
    cyclesPer: {
      monthly: 'bulan',
      quarterly: '3 bulan',
      semiannually: '6 bulan',
      annually: 'tahun',
      biennially: '2 tahun',
      triennially: '3 tahun',
    },
    errors,
  },
  reply: {
    'upgrade.noServices': () =>
      'Saya tidak menemukan layanan OX Mail di akun Clientzone Anda. Jika menurut Anda ini keliru, tim kami siap membantu.',
    'upgrade.chooseService': (r) =>
      `Anda memiliki ${r.count} layanan OX Mail. Layanan mana yang ingin di-upgrade?`,
    'upgrade.serviceNotActive': (r) =>
      `Layanan ${r.domain} berstatus ${r.status}, jadi tidak dapat diubah lewat chat. Tim kami bisa membantu mengecek statusnya.`,
    'upgrade.chooseKind': (r) =>
      `Layanan ${r.domain} saat ini memakai paket ${r.productName}${r.accounts === null ? '' : ` dengan ${r.accounts} akun email`}. Apa yang ingin di-upgrade?`,
    'upgrade.choosePackage': (r, f) =>
      `Paket ${r.domain} saat ini ${r.productName} (tagihan ${f.cycle(r.cycle)}). Pilih paket baru:`,
    'upgrade.noHigherPackage': (r) =>
      `${r.domain} sudah memakai paket tertinggi (${r.productName}), jadi tidak ada paket di atasnya. Anda tetap bisa menambah akun email.`,
    'upgrade.noAccountOption': (r) =>
      `Layanan ${r.domain} tidak memiliki opsi jumlah akun yang bisa ditambah lewat chat.`,
    'upgrade.enterAccounts': (r) =>
      `Layanan ${r.domain} saat ini memiliki ${r.current} akun email. Masukkan jumlah akun yang ingin ditambahkan (1 sampai ${r.maxAdd}).`,
    'upgrade.accountsAtMaximum': (r) =>
      `Layanan ${r.domain} sudah memiliki ${r.current} akun, jumlah maksimal (${r.max}). Tim kami bisa membantu mencari solusi lain.`,
    'upgrade.invalidAccounts': (r) =>
      ({
        notWhole: 'Mohon tulis jumlah akun dengan angka bulat, misalnya 5.',
        tooSmall: 'Jumlah akun yang ditambahkan minimal 1.',
        tooLarge: `Maksimal ${r.maxAdd} akun lagi yang bisa ditambahkan untuk layanan ini.`,
      })[r.reason],
    'upgrade.confirmPackage': (r, f) =>
      `Ringkasan upgrade ${r.domain}:\n\n- Paket: ${r.from} → **${r.to}**\n- Biaya prorata sampai jatuh tempo${days(r.daysUntilRenewal)}: **${f.money(r.price, r.currencyCode)}**\n- Paket baru aktif setelah invoice dibayar.\n\nLanjutkan upgrade?`,
    'upgrade.confirmAccounts': (r, f) =>
      `Ringkasan penambahan akun ${r.domain}:\n\n- Akun email: ${r.current} + ${r.add} = **${r.total}**\n- Biaya prorata sampai jatuh tempo${days(r.daysUntilRenewal)}: **${f.money(r.price, r.currencyCode)}**\n- Akun tambahan aktif setelah invoice dibayar.\n\nLanjutkan?`,
    'upgrade.blocked': (r, f) =>
      `Upgrade paket dan penambahan akun tidak bisa dilakukan bersamaan. Layanan ${r.domain} masih memiliki invoice upgrade yang belum dibayar${r.invoice ? `: invoice #${r.invoice.id}${r.invoice.total === null ? '' : ` sebesar ${f.money(r.invoice.total, r.currencyCode)}`} ([lihat invoice](${f.invoiceUrl(r.invoice.id)}))` : ` (lihat [daftar invoice](${f.invoiceListUrl()}))`}. Upgrade berikutnya bisa dilakukan setelah invoice tersebut dibayar.`,
    'upgrade.placed': (r, f) =>
      `Upgrade ${r.domain} ke ${r.change.kind === 'package' ? `paket ${r.change.name}` : `${r.change.total} akun email (+${r.change.add})`} sudah dibuat.\n\n- Invoice: **#${r.invoice.id}**\n- Jumlah: **${r.invoice.total === null ? '-' : f.money(r.invoice.total, r.currencyCode)}**\n- Jatuh tempo: ${f.date(r.invoice.dueDate)}\n- [Bayar invoice](${f.invoiceUrl(r.invoice.id)})\n\nPerubahan aktif setelah invoice dibayar.`,
    'upgrade.appliedWithoutInvoice': (r) =>
      `Upgrade ${r.domain} ke ${r.change.kind === 'package' ? `paket ${r.change.name}` : `${r.change.total} akun email`} sudah diterapkan tanpa biaya tambahan.`,
    'upgrade.adopted': (r, f) =>
      r.invoice
        ? `Layanan ${r.domain} sudah memiliki invoice upgrade yang belum dibayar, jadi saya tidak membuat pesanan baru.\n\n- Invoice: **#${r.invoice.id}**\n- Jumlah: **${r.invoice.total === null ? '-' : f.money(r.invoice.total, r.currencyCode)}**\n- Jatuh tempo: ${f.date(r.invoice.dueDate)}\n- [Bayar invoice](${f.invoiceUrl(r.invoice.id)})`
        : `Layanan ${r.domain} sudah memiliki upgrade yang menunggu pembayaran, jadi saya tidak membuat pesanan baru. Silakan cek [daftar invoice](${f.invoiceListUrl()}) Anda.`,
    'upgrade.failed': (r) =>
      `${failureText(r.errorCode, r.step, errors)} Silakan coba lagi, atau bicara dengan tim kami.`,
    'upgrade.cancelled': () => 'Baik, upgrade dibatalkan. Tidak ada perubahan pada layanan Anda.',
    'upgrade.help': () =>
      'Saya sedang membantu upgrade layanan OX Mail Anda. Pilih salah satu tombol atau ketik jawabannya. Ketik "batal" untuk berhenti atau "cs" untuk bicara dengan tim kami.',
    'upgrade.notUnderstood': (r) =>
      r.offerHuman
        ? 'Maaf, saya masih belum mengerti. Anda bisa memilih tombol di bawah, atau bicara dengan tim kami.'
        : 'Maaf, saya belum mengerti jawaban itu.',
    'flow.handingOff': () => 'Baik, saya hubungkan dengan tim kami.',
  },
  label: {
    'label.service': (l) => `${l.domain} (${l.productName})`,
    'label.package': (l, f) =>
      `${l.name} – ${f.money(l.price, l.currencyCode)}/${f.perCycle(l.cycle)}`,
    'label.kind.package': () => 'Upgrade paket',
    'label.kind.accounts': () => 'Tambah akun email',
    'label.retry': () => 'Coba lagi',
    'label.human': () => 'Chat dengan CS',
    'label.cancel': () => 'Batal',
    'label.yes': () => 'Ya, lanjutkan',
    'label.no': () => 'Tidak',
  },
};
