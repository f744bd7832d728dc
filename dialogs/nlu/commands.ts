import { canonicalWords } from './slang.js';

/** A command that works from every waiting state of every flow. */
export type GlobalCommand = 'cancel' | 'help' | 'human';

/** Words that soften a command without changing it ("batal aja deh", "cancel that"). */
const FILLERS = new Set(
  'saja deh dong ya sih dulu lah kok nih yuk please sudah that it this me nah ah aduh ok oke'.split(
    ' ',
  ),
);
/** Messages that are a cancel by themselves, as canonical words with fillers left out. */
const CANCEL_PHRASES = new Set([
  'batal',
  'batalkan',
  'cancel',
  'stop',
  'keluar',
  'exit',
  'quit',
  'abort',
  'berhenti',
  'udahan',
  'tidak jadi',
  'tidak usah',
  'tidak usah batal',
  'tidak jadi batal',
  'sudah cukup',
  'cukup',
  'never mind',
  'nevermind',
  'forget',
  'forget about',
]);
/** Words that, leading a short message, cancel what it names ("gak jadi upgrade", "batal tambah akun"). */
const CANCEL_LEADS = ['tidak jadi', 'batal', 'batalkan', 'cancel'];
const HELP_PHRASES = new Set(['help', 'bantuan', 'tolong', 'bingung', 'menu', 'info', 'panduan']);

/** Recognises cancel, help and "talk to a person" in either language, slang and typos included. */
export function recognizeCommand(text: string): GlobalCommand | null {
  const tokens = canonicalWords(text);
  const core = tokens.filter((w) => !FILLERS.has(w)).join(' ');
  if (CANCEL_PHRASES.has(core) || cancelsWhatItNames(core)) return 'cancel';
  if (HELP_PHRASES.has(core) || text.trim() === '?') return 'help';
  if (asksForPerson(tokens)) return 'human';
  return null;
}

function cancelsWhatItNames(core: string): boolean {
  return CANCEL_LEADS.some((lead) => {
    if (!core.startsWith(`${lead} `)) return false;
    return core.slice(lead.length + 1).split(' ').length <= 2;
  });
}

/** Words that ask for a person wherever they appear in a short message. */
const PERSON_WORDS = new Set([
  'cs',
  'agen',
  'agent',
  'manusia',
  'operator',
  'human',
  'petugas',
  'humans',
]);
/** Words that mean a person only when asked for ("sama admin", "admin dong"), never "buat admin". */
const MAYBE_PERSON_WORDS = new Set([
  'admin',
  'staf',
  'staff',
  'orang',
  'person',
  'someone',
  'tim',
  'support',
]);
const ASKING_WORDS = new Set(
  'sama dengan ke hubungi hubungkan sambungkan panggil minta chat bicara ngobrol telepon telpon ditelpon talk speak to with connect get ada'.split(
    ' ',
  ),
);
const PERSON_PHRASES = [
  /\b(talk|speak|chat) (to|with) (a |an )?(real )?(person|someone|human|agent)\b/,
  /\bcustomer (service|support)\b/,
  /\blive agent\b/,
  /\b(orang|manusia) (asli|beneran|sungguhan)\b/,
  /\bbukan bot\b/,
  /\breal person\b/,
  /\bget me (a |an )?(someone|person|human|agent)\b/,
];

function asksForPerson(tokens: string[]): boolean {
  const joined = tokens.join(' ');
  if (PERSON_PHRASES.some((pattern) => pattern.test(joined))) return true;
  if (tokens.length > 12) return false;
  if (tokens.some((w) => PERSON_WORDS.has(w))) return true;
  const core = tokens.filter((w) => !FILLERS.has(w));
  if (core.length === 1 && MAYBE_PERSON_WORDS.has(core[0] ?? '')) return true;
  return tokens.some((w, i) => MAYBE_PERSON_WORDS.has(w) && ASKING_WORDS.has(tokens[i - 1] ?? ''));
}
