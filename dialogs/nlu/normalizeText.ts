/** Lower-cases, folds accents and odd Unicode, and keeps letters, digits and single spaces. */
export function normalizeText(text: string, maxLength = 500): string {
  return text
    .slice(0, maxLength)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.,\-\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function words(text: string): string[] {
  return normalizeText(text)
    .replace(/[.,]/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

/** Folds a letter typed three or more times in a row ("upgradeee", "makasiiih") to one. */
export function foldRepeats(text: string): string {
  return text.replace(/([a-z])\1{2,}/g, '$1');
}

/** The words of a message as typed, ignoring case, punctuation, spacing and stretched letters. */
export function surfaceForm(text: string): string {
  return words(foldRepeats(normalizeText(text)).replace(/-/g, ' ')).join(' ');
}
