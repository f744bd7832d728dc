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
