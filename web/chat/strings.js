/**
 * The chat page's own words and the company's look. The bot's replies come from
 * dialogs/locales; these are only the page around Web Chat.
 */
export const brand = {
  name: 'OX Mail',
  accent: '#0b5394',
  accentText: '#ffffff',
  userBubble: '#0b5394',
  userBubbleText: '#ffffff',
  botBubble: '#f1f4f8',
  botInitials: 'OX',
};

export const strings = {
  id: {
    webChatLocale: 'id-ID',
    title: 'Bantuan OX Mail',
    subtitle: 'Upgrade paket dan tambah akun email',
    pickerTitle: 'Masuk sebagai pelanggan demo',
    pickerHint:
      'Mode sandbox: pilih salah satu pelanggan demo Clientzone untuk mencoba chat. Faktur dibuka dan dibayar di Clientzone sandbox.',
    guest: 'Lanjut sebagai tamu',
    switchCustomer: 'Ganti pelanggan',
    signedInAs: 'Masuk sebagai',
    guestLabel: 'Tamu',
    chatRegion: 'Percakapan dengan asisten OX Mail',
    loading: 'Menyiapkan chat…',
    startFailed: 'Chat tidak dapat dimulai. Silakan muat ulang halaman.',
  },
  en: {
    webChatLocale: 'en-US',
    title: 'OX Mail Help',
    subtitle: 'Package upgrades and extra email accounts',
    pickerTitle: 'Sign in as a demo customer',
    pickerHint:
      'Sandbox mode: pick one of the Clientzone demo customers to try the chat. Invoices open and are paid in the Clientzone sandbox.',
    guest: 'Continue as a guest',
    switchCustomer: 'Switch customer',
    signedInAs: 'Signed in as',
    guestLabel: 'Guest',
    chatRegion: 'Conversation with the OX Mail assistant',
    loading: 'Preparing the chat…',
    startFailed: 'The chat could not be started. Please reload the page.',
  },
};

/** Bahasa Indonesia unless the browser prefers English (the first of the two it lists). */
export function chooseLanguage(languages) {
  for (const tag of languages ?? []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (primary === 'id' || primary === 'in') return 'id';
    if (primary === 'en') return 'en';
  }
  return 'id';
}
