import { canonicalWords } from './slang.js';

/** Words before a package name that make it the current package, not the one asked for. */
const SOURCE_MARKERS = new Set(['dari', 'from']);
/** Words before a package name that make it the package asked for. */
const TARGET_MARKERS = new Set(['ke', 'to', 'jadi', 'into']);
/** "email bisnis" describes the product, not the Business package, unless "paket" or "ke" says so. */
const PACKAGE_MARKERS = new Set(['paket', 'package', 'plan', 'mail', ...TARGET_MARKERS]);

const PACKAGE_NOUNS = new Set(['paket', 'package', 'plan']);

interface Mention {
  name: string;
  index: number;
  /** The word before the name, past "paket" ("ke paket business" -> "ke"). */
  previous: string;
}

/**
 * The catalogue package a customer asks for, matched loosely ("enterprise", "paket bisnis",
 * "enterprice" for "OX Mail Enterprise"); the target when several are named ("dari starter ke
 * business"). Undefined when none is named, or only as the current package.
 */
export function matchPackageName(
  text: string,
  packageNames: readonly string[],
): string | undefined {
  const tokens = canonicalWords(text);
  const mentions = packageNames.flatMap((name) => mentionsOf(name, tokens, packageNames));
  const wanted = mentions.filter((m) => !SOURCE_MARKERS.has(m.previous));
  const target = wanted.find((m) => TARGET_MARKERS.has(m.previous));
  const chosen = target ?? wanted.sort((a, b) => b.index - a.index)[0];
  return chosen?.name;
}

/** The package named as where to go ("ke enterprise", "to the business plan"), if any. */
export function targetPackageName(
  text: string,
  packageNames: readonly string[],
): string | undefined {
  const tokens = canonicalWords(text);
  const mentions = packageNames.flatMap((name) => mentionsOf(name, tokens, packageNames));
  return mentions.find((m) => TARGET_MARKERS.has(m.previous))?.name;
}

function mentionsOf(name: string, tokens: string[], packageNames: readonly string[]): Mention[] {
  const distinctive = distinctiveWords(name, packageNames);
  const mentions: Mention[] = [];
  tokens.forEach((token, index) => {
    if (!distinctive.some((word) => resembles(token, word))) return;
    const adjacent = tokens[index - 1] ?? '';
    const describesProduct = adjacent === 'email' || tokens[index + 1] === 'email';
    if (describesProduct && !PACKAGE_MARKERS.has(adjacent)) return;
    const previous = PACKAGE_NOUNS.has(adjacent) ? (tokens[index - 2] ?? '') : adjacent;
    mentions.push({ name, index, previous });
  });
  return mentions;
}

/** The words of a package name that the other names do not share ("business" of "OX Mail Business"). */
function distinctiveWords(name: string, packageNames: readonly string[]): string[] {
  const own = canonicalWords(name);
  const others = packageNames.filter((other) => other !== name).map((o) => canonicalWords(o));
  return own.filter((word) => word.length >= 3 && !others.some((other) => other.includes(word)));
}

/** Equal, or one edit apart for words of six letters or more ("entreprise", "starterr"). */
function resembles(token: string, word: string): boolean {
  if (token === word) return true;
  if (word.length < 6 || Math.abs(token.length - word.length) > 1) return false;
  return editDistance(token, word) <= 1;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
