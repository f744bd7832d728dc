import { failureText } from './failureText.js';
import type { Texts } from './texts.js';

/** Clientzone states the days left only for package quotes. */
const days = (n: number) => (n > 0 ? ` (${n} hari)` : '');

const errors: Record<string, string> = {
  CLIENTZONE_TIMEOUT: 'Clientzone sedang lambat merespons, jadi saya belum bisa melanjutkan.',
  CLIENTZONE_UNAVAILABLE: 'Clientzone sedang tidak dapat dihubungi saat ini.',
  CLIENTZONE_AUTH: 'Ada kendala konfigurasi di sisi kami saat menghubungi Clientzone.',
  CLIENTZONE_REJECTED: 'Clientzone menolak permintaan ini.',
  placingUncertain:
    'Saya belum mendapat konfirmasi dari Clientzone apakah upgrade sudah dibuat. Jika Anda pilih "Coba lagi", saya cek dulu ke Clientzone supaya tidak ada pesanan ganda.',
  filingUncertain:
    'Saya belum mendapat konfirmasi dari Clientzone apakah tiket sudah dibuat. Jika Anda pilih "Coba lagi", saya cek dulu supaya tidak ada tiket ganda.',
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
    menuDowngrade: 'Downgrade paket',
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
    stillNotUnderstood:
      'Maaf, saya masih belum mengerti. Pilih salah satu menu di bawah, atau pilih "Chat dengan CS" untuk bicara dengan tim kami.',
    handoff: {
      connecting: 'Baik, saya hubungkan Anda dengan tim support kami. Mohon tunggu sebentar.',
      queued: (position, eta) =>
        `Baik, saya hubungkan Anda dengan tim support kami. Anda di antrean nomor **${position}**, perkiraan menunggu sekitar ${eta} menit. Ketik "batal" jika ingin kembali ke asisten virtual.`,
      queueUpdate: (position, eta) =>
        `Antrean Anda sekarang nomor **${position}** (sekitar ${eta} menit lagi).`,
      stillQueued: (position) =>
        `Pesan Anda sudah kami terima dan akan dibaca tim support. Anda di antrean nomor ${position}.`,
      accepted: (name) => `${name} dari tim support sudah bergabung dan akan membantu Anda.`,
      transferred: (name) => `Percakapan Anda dialihkan ke ${name} dari tim support.`,
      returned: 'Anda kembali terhubung dengan asisten virtual OX Mail.',
      closed:
        'Percakapan dengan tim support sudah ditutup. Terima kasih! Tulis pesan kapan saja jika perlu bantuan lagi.',
      cancelled: 'Baik, Anda keluar dari antrean dan kembali ke asisten virtual.',
      unavailable: (why, hours) =>
        ({
          hours: `Tim support kami sedang di luar jam kerja (${hours}, WIB).`,
          noStaff: 'Saat ini belum ada tim support yang tersedia untuk chat.',
          timeout: 'Mohon maaf, semua tim support masih sibuk dan Anda sudah menunggu cukup lama.',
        })[why] +
        ' Mau meninggalkan pesan? Pesan Anda akan dikirim sebagai tiket dan dibalas oleh tim kami.',
      leaveMessagePrompt:
        'Silakan tulis pesan Anda dalam satu balasan. Ringkasan percakapan ini ikut kami lampirkan.',
      messageFiled: (ticket) =>
        `Pesan Anda sudah dikirim sebagai tiket **#${ticket}**. Tim kami akan membalas lewat tiket tersebut (cek email dan Clientzone Anda).`,
      messageFailed:
        'Maaf, pesan Anda belum berhasil dikirim karena Clientzone sedang bermasalah. Silakan coba lagi sebentar lagi.',
      guestCannotLeaveMessage:
        'Untuk meninggalkan pesan, silakan login ke Clientzone dan buka chat dari sana, atau kirim email ke tim support kami.',
      leaveMessageButton: 'Tinggalkan pesan',
      cancelWaitingButton: 'Batal menunggu',
      noThanksButton: 'Tidak, terima kasih',
      ticketSubject: 'Pesan dari live chat',
      ticketMessage: (message, summary) =>
        `${message}\n\n---\n**Ringkasan percakapan sebelumnya:**\n\n${summary}`,
    },
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
    'invoice.none': () => 'Tidak ada invoice yang belum dibayar di akun Anda.',
    'invoice.list': (r, f) =>
      [
        `Invoice Anda yang belum dibayar:`,
        '',
        ...r.invoices.map(
          (i) =>
            `- [Invoice #${i.id}](${f.invoiceUrl(i.id)}) (${{ upgrade: 'upgrade', renewal: 'perpanjangan', other: 'lainnya' }[i.purpose]}): **${f.money(i.total, r.currencyCode)}**, jatuh tempo ${f.date(i.dueDate)}`,
        ),
      ].join('\n'),
    'invoice.one': (r, f) =>
      `Invoice #${r.invoice.id} (${{ upgrade: 'upgrade', renewal: 'perpanjangan', other: 'lainnya' }[r.invoice.purpose]}): ${r.invoice.status === 'Paid' ? 'sudah **lunas**' : r.invoice.status === 'Unpaid' ? '**belum dibayar**' : `status ${r.invoice.status}`}, ${f.money(r.invoice.total, r.currencyCode)}, jatuh tempo ${f.date(r.invoice.dueDate)}. [Lihat invoice](${f.invoiceUrl(r.invoice.id)})`,
    'invoice.notFound': (r) =>
      `Saya tidak menemukan invoice #${r.invoiceId} di akun Anda. Mohon periksa nomornya.`,
    'invoice.failed': (r) =>
      `${failureText(r.errorCode, 'loading', errors)} Silakan coba lagi, atau bicara dengan tim kami.`,
    'flow.handingOff': () => 'Baik, saya hubungkan dengan tim kami.',
    'downgrade.noServices': () =>
      'Saya tidak menemukan layanan OX Mail di akun Clientzone Anda. Tim kami siap membantu jika ada yang keliru.',
    'downgrade.chooseService': (r) =>
      `Anda memiliki ${r.count} layanan OX Mail. Layanan mana yang ingin di-downgrade?`,
    'downgrade.serviceNotActive': (r) =>
      `Layanan ${r.domain} berstatus ${r.status}, jadi downgrade tidak dapat diajukan lewat chat. Tim kami bisa membantu.`,
    'downgrade.noDueDate': (r) =>
      `Layanan ${r.domain} tidak memiliki tanggal jatuh tempo, jadi downgrade perlu ditangani tim kami.`,
    'downgrade.alreadyFiled': (r) =>
      `Permintaan downgrade untuk ${r.domain} sudah diajukan: tiket **#${r.ticket.tid}** (status: ${r.ticket.status}). Tim Billing akan memprosesnya; tidak perlu mengajukan lagi.`,
    'downgrade.tooEarly': (r, f) =>
      `Downgrade hanya bisa diajukan menjelang jatuh tempo. Layanan ${r.domain} jatuh tempo pada ${f.date(r.dueDate)} (${r.daysLeft} hari lagi), jadi permintaan downgrade baru bisa diajukan mulai **${f.date(r.opensOn)}**. Mau saya ingatkan pada tanggal itu?`,
    'downgrade.reminderSet': (r, f) =>
      `Baik, saya akan mengingatkan Anda di chat ini pada ${f.date(r.opensOn)} untuk mengajukan downgrade ${r.domain}.`,
    'downgrade.reminderDeclined': () => 'Baik. Anda bisa kembali kapan saja menjelang jatuh tempo.',
    'downgrade.nothingLower': (r) =>
      `${r.domain} sudah memakai paket terendah (${r.productName})${r.accounts === null ? '' : ` dengan jumlah akun minimal (${r.accounts})`}, jadi tidak ada yang bisa di-downgrade.`,
    'downgrade.choosePackage': (r, f) =>
      `${r.domain} memakai ${r.productName} (tagihan ${f.cycle(r.cycle)}) dan jatuh tempo ${f.date(r.dueDate)} (${r.daysLeft} hari lagi). Pilih paket yang diinginkan untuk periode berikutnya:`,
    'downgrade.enterAccounts': (r) =>
      `Saat ini ada ${r.current} akun email. Berapa jumlah akun yang Anda inginkan untuk periode berikutnya (minimal ${r.min})?`,
    'downgrade.invalidAccounts': (r) => `Mohon tulis angka bulat dari ${r.min} sampai ${r.max}.`,
    'downgrade.nothingChanges': () =>
      'Paket dan jumlah akun tetap sama, jadi tidak ada permintaan downgrade yang perlu diajukan.',
    'downgrade.enterReason': () =>
      'Boleh tahu alasan downgrade? Ini membantu tim Billing (opsional: pilih "Lewati" jika tidak ingin mengisi).',
    'downgrade.confirm': (r, f) =>
      `Ringkasan permintaan downgrade ${r.domain}:\n\n- Paket: ${r.toPackage ? `${r.fromPackage} → **${r.toPackage}**` : `${r.fromPackage} (tetap)`}\n- Akun email: ${r.toAccounts === null ? `${r.fromAccounts ?? '-'} (tetap)` : `${r.fromAccounts ?? '-'} → **${r.toAccounts}**`}\n- Berlaku mulai periode setelah ${f.date(r.dueDate)}\n- Alasan: ${r.reason ?? '-'}\n\nKirim permintaan ini ke tim Billing?`,
    'downgrade.filed': (r, f) =>
      [
        `Permintaan downgrade ${r.domain} sudah dikirim ke tim Billing: tiket **#${r.ticket.tid}**. Tim Billing akan memprosesnya dan membalas lewat tiket tersebut, sehingga tagihan berikutnya (jatuh tempo ${f.date(r.dueDate)}) memakai paket baru.`,
        r.late && !r.unpaidRenewal
          ? 'Catatan: jatuh tempo kurang dari 15 hari lagi, jadi invoice perpanjangan mungkin sudah terbit dengan harga lama; tim Billing akan menyesuaikannya.'
          : '',
        r.overdue || r.unpaidRenewal
          ? `Penting: ${r.unpaidRenewal ? `invoice perpanjangan #${r.unpaidRenewal.id}${r.unpaidRenewal.total === null ? '' : ` sebesar ${f.money(r.unpaidRenewal.total, r.currencyCode)}`} ([lihat invoice](${f.invoiceUrl(r.unpaidRenewal.id)}))` : 'tagihan yang sudah jatuh tempo'} perlu dilunasi terlebih dahulu. Jika perlu, tim kami siap membantu.`
          : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    'downgrade.failed': (r) =>
      `${failureText(r.errorCode, r.step, errors)} Silakan coba lagi, atau bicara dengan tim kami.`,
    'downgrade.cancelled': () => 'Baik, permintaan downgrade dibatalkan. Tidak ada yang diajukan.',
    'downgrade.help': () =>
      'Saya sedang membantu mengajukan downgrade layanan OX Mail Anda ke tim Billing. Pilih salah satu tombol atau ketik jawabannya. Ketik "batal" untuk berhenti atau "cs" untuk bicara dengan tim kami.',
    'downgrade.notUnderstood': (r) =>
      r.offerHuman
        ? 'Maaf, saya masih belum mengerti. Anda bisa memilih tombol di bawah, atau bicara dengan tim kami.'
        : 'Maaf, saya belum mengerti jawaban itu.',
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
    'label.remindMe': () => 'Ingatkan saya',
    'label.noThanks': () => 'Tidak, terima kasih',
    'label.keepPackage': () => 'Tetap paket ini, kurangi akun',
    'label.keepAccounts': () => 'Jumlah akun tetap',
    'label.skip': () => 'Lewati',
    'label.downgrade': () => 'Ajukan downgrade',
  },
  outside: {
    downgradeTicketSubject: (t) =>
      `Permintaan downgrade OX Mail ${t.domain} (layanan #${t.serviceId}, jatuh tempo ${t.dueDate})`,
    downgradeTicketMessage: (t, f) =>
      [
        `Permintaan downgrade layanan OX Mail lewat live chat.`,
        '',
        `- **Domain:** ${t.domain} (layanan #${t.serviceId})`,
        `- **Paket saat ini:** ${t.fromPackage}, ${t.fromAccounts ?? '-'} akun email`,
        `- **Permintaan:** ${t.toPackage ?? `${t.fromPackage} (tetap)`}, ${t.toAccounts ?? `${t.fromAccounts ?? '-'} (tetap)`} akun email`,
        `- **Jatuh tempo berikutnya:** ${f.date(t.dueDate)} (${t.dueDate}), ${t.daysLeft} hari lagi`,
        `- **Alasan:** ${t.reason ?? '-'}`,
        `- **Percakapan:** ${t.conversationId}`,
      ].join('\n'),
    downgradeReminder: (r, f) =>
      `Halo! Sesuai permintaan Anda, permintaan downgrade OX Mail untuk ${r.domain} sekarang sudah bisa diajukan (jatuh tempo ${f.date(r.dueDate)}).`,
    downgradeReminderButton: 'Ajukan downgrade',
  },
};
