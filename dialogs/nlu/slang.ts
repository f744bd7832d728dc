import { replaceDomains } from './domains.js';
import { foldRepeats, normalizeText } from './normalizeText.js';

/** Forms of address that say nothing about what the customer wants ("min", "kak", "gan"). */
const VOCATIVES = new Set(
  'kak ka kakak kk kaka min mimin gan agan sis sist bro bos boss bang mas mba mbak pak bu om sob gaes'.split(
    ' ',
  ),
);

/** Abbreviations, slang and frequent typos, each mapped to one spelling (a value may be two words). */
const SPELLINGS: Record<string, string[]> = {
  mau: ['mo', 'mw', 'mao'],
  ingin: ['pengen', 'pingin', 'pgn', 'kepengen', 'pengin'],
  bagaimana: ['gimana', 'gmn', 'gmna', 'gimn', 'bgmn', 'gimane', 'gmana'],
  tidak: 'gak ga g gk nggak ngga ngak enggak engga kagak ndak nda tdk gag ngk'.split(' '),
  'tidak jadi': ['gajadi', 'gjd', 'gajd', 'gakjadi', 'gkjd', 'gjadi'],
  'tidak usah': ['gausah', 'gaush', 'gusah', 'gakusah', 'ngausah'],
  'ya sudah': ['yaudah', 'yaudh', 'yasudah', 'ywdh'],
  jadi: ['jd'],
  sudah: ['udah', 'udh', 'dah', 'sdh', 'sudh'],
  belum: ['blm', 'blum', 'belom'],
  yang: ['yg'],
  untuk: ['utk', 'untk'],
  dengan: ['dgn', 'dg'],
  sama: ['sm'],
  dari: ['dr'],
  karena: ['krn', 'karna'],
  tapi: ['tp', 'tpi'],
  juga: ['jg'],
  lagi: ['lg', 'lgi'],
  saja: ['aja', 'ajah', 'aj'],
  banget: ['bgt'],
  kalau: ['kalo', 'klo', 'kl'],
  begitu: ['gitu', 'gt'],
  berapa: ['brp', 'brapa'],
  bisa: ['bs', 'bsa'],
  tolong: ['tlg', 'tolongin'],
  saya: ['sy', 'sya', 'aku', 'gue', 'gw', 'gua', 'ane'],
  kamu: ['km', 'kmu'],
  orang: ['org', 'orng'],
  kenapa: ['knp', 'napa'],
  sekarang: ['skrg', 'skrng', 'skg'],
  nanti: ['ntar', 'nnti', 'entar'],
  oke: ['ok', 'okey', 'okay', 'oce', 'okeh', 'okee', 'okie', 'oki'],
  iya: ['iyaa', 'iyah', 'iye', 'iyo', 'iyap'],
  ya: ['yaa', 'yah'],
  sip: ['sipp', 'siip'],
  gas: ['gass', 'gaskan', 'gaskeun'],
  please: ['plis', 'pls', 'plz', 'pliss'],
  thanks: 'thx tx tks thanx tq ty tengkyu tenkyu tengkiu thank'.split(' '),
  makasih: 'makasi mksh mksih maksih makaseh trims trimakasih makaci mks'.split(' '),
  'terima kasih': ['terimakasih', 'trimakasih'],
  email: ['imel', 'emel', 'surel', 'emailnya', 'email2', 'emails'],
  akun: ['akn', 'akunt', 'akkun', 'akunnya', 'akun2'],
  user: ['user2', 'usernya'],
  invoice: 'inv invoce invoise invois infoice inpoice invoic invocie invoicenya invoices'.split(
    ' ',
  ),
  tagihan: ['tagihn', 'tghn', 'tagihannya'],
  upgrade:
    'upgarde upgrde upgade upgread ugrade upgred apgrade upgrad upgrd upgradee upgradde uprade upgrate upgarade upgraded'.split(
      ' ',
    ),
  downgrade:
    'donwgrade dowgrade downgrad downgarde dwngrade downgrde downgred dongrade downgradee donwgrad dwongrade downgraded'.split(
      ' ',
    ),
  tambah:
    'tamabh tambh tmbh tmbah tambha tamba tanbah nambah nambahin tambahin nambahkan menambah menambahkan tambahkan ditambah ditambahin increase'.split(
      ' ',
    ),
  // "kurangi" stems to "kurang" (not enough accounts: the opposite request), so it gets its own word.
  reduce:
    'kurangi kurangin ngurangin ngurangi mengurangi dikurangi dikurangin pengurangan dikurangkan decrease fewer less cut'.split(
      ' ',
    ),
  naikkan: ['naikin', 'dinaikin', 'dinaikkan', 'menaikkan'],
  turunkan: ['turunin', 'diturunin', 'diturunkan', 'menurunkan'],
  batalkan: ['batalin', 'dibatalin', 'dibatalkan', 'membatalkan'],
  batal: ['btal', 'batl', 'btl', 'batall'],
  cancel: ['cancle', 'cansel', 'cencel', 'cacel', 'cancell', 'cancelled'],
  hubungi: ['hubungin', 'ngehubungin', 'menghubungi'],
  hubungkan: ['dihubungkan', 'dihubungin', 'hubungkn'],
  sambungkan: ['sambungin', 'disambungkan', 'disambungin', 'nyambungin'],
  panggil: ['panggilin', 'manggil'],
  buatkan: ['bikinin', 'buatin', 'dibuatin', 'dibuatkan', 'bikinkan'],
  buat: ['bikin'],
  business: 'bisnis bussiness busines bisnes bisniss buisness businnes bussines bizz biz'.split(
    ' ',
  ),
  enterprise: 'enterprice enterpris entreprise enterprize enterpise enterprse entrprise'.split(' '),
  starter: ['stater', 'startr', 'strter'],
  halo: ['hallo', 'helo', 'haloo', 'halloo', 'hallow', 'hello', 'helloo'],
  hai: ['hay', 'hy', 'hae', 'haii'],
  permisi: ['p', 'misi', 'punten'],
  assalamualaikum: ['askum', 'aslm', 'assalamualaikum', 'asalamualaikum', 'assalamualaykum'],
  malam: ['mlm'],
  pagi: ['pgi'],
  selamat: ['slmt', 'slamat'],
  transfer: ['tf', 'trf', 'trnsfr', 'transfernya'],
  bayar: ['byr'],
  help: ['hlp', 'halp', 'tolongg'],
  undersized: ['kekecilan', 'kesempitan'],
  oversized: ['kebesaran', 'kegedean'],
  overpriced: ['kemahalan'],
  // Which way a package change goes matters more than the exact comparative.
  besar: 'gede gedean gedhe bigger larger large big tinggi higher atas atasnya'.split(' '),
  kecil: 'kecilan smaller small murah murahan cheaper cheap rendah lower low bawah bawahnya'.split(
    ' ',
  ),
};

const PHRASES: [RegExp, string][] = [
  [/\bup grade\b/g, 'upgrade'],
  [/\bdown grade\b/g, 'downgrade'],
  [/\bassalamu alaikum\b/g, 'assalamualaikum'],
  [/\be mail\b/g, 'email'],
  [/\bthank you\b/g, 'thanks'],
];

/** Phrases whose meaning is one concept, matched after the spellings above are applied. */
const CONCEPTS: [RegExp, string][] = [
  [/\b(terlalu|too|kurang|not) kecil\b/g, 'undersized'],
  [/\b(kurang besar|not besar enough)\b/g, 'undersized'],
  [/\b(terlalu|too) (besar|banyak|many)\b/g, 'oversized'],
  [/\b(terlalu|too) (mahal|expensive)\b/g, 'overpriced'],
  [/\b(move|go|step|switch|bump)( us| me| it)? up\b/g, '$1 naik'],
  [/\b(move|go|step|switch)( us| me| it)? down\b/g, '$1 turun'],
];

const CANONICAL = new Map<string, string>(
  Object.entries(SPELLINGS).flatMap(([canonical, variants]) =>
    variants.map((variant): [string, string] => [variant, canonical]),
  ),
);

/** One spelling of a word, or null for a word to drop (forms of address). */
export function canonicalWord(word: string): string | null {
  if (VOCATIVES.has(word)) return null;
  return CANONICAL.get(word) ?? word;
}

/**
 * The words a classifier sees: lower-case, stretched letters folded, slang and typos mapped to one
 * spelling, forms of address dropped, domains and e-mail addresses replaced by a placeholder.
 */
export function canonicalWords(text: string): string[] {
  let folded = replaceDomains(foldRepeats(normalizeText(text)), 'namadomain');
  // "Rp 50.000" is one number; other dots, commas and hyphens separate words.
  folded = folded.replace(/(\d)[.,](?=\d{3}\b)/g, '$1').replace(/[.,-]/g, ' ');
  for (const [pattern, replacement] of PHRASES) folded = folded.replace(pattern, replacement);
  let canonical = folded
    .split(' ')
    .filter((w) => w.length > 0)
    .flatMap((w) => canonicalWord(w) ?? [])
    .join(' ');
  for (const [pattern, replacement] of CONCEPTS)
    canonical = canonical.replace(pattern, replacement);
  return canonical.split(' ').filter((w) => w.length > 0);
}
