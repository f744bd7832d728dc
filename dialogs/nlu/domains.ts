/** Top-level labels we accept as the end of a domain, so "ok.siap" or "v1.2" never count as one. */
const TLDS = new Set(
  'com net org id co biz info io xyz online site store tech me asia app dev cloud shop web my sch ac or go mil ponpes desa us uk sg au nl de travel email'.split(
    ' ',
  ),
);

const DOMAIN = /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,})\b/g;

/** The domains in a text ("tokoku.co.id", also the part after "@" of an address), in order. */
export function findDomains(text: string): string[] {
  return [...text.toLowerCase().matchAll(DOMAIN)]
    .filter((match) => TLDS.has(match[1] ?? ''))
    .map((match) => match[0]);
}

/** Replaces every domain in a lower-case text with a placeholder word. */
export function replaceDomains(text: string, placeholder: string): string {
  return text.replace(DOMAIN, (domain, tld: string) =>
    TLDS.has(tld) ? ` ${placeholder} ` : domain,
  );
}
