/** An e-mail address found in folded text (indices are into the folded text). */
export interface EmailMatch {
  start: number;
  end: number;
  /** Lower-case `local@domain`. */
  normalized: string;
  /** Written with words or brackets instead of `@` / `.`. */
  obfuscated: boolean;
}

// Words that stand for "@" and "." in es/en/pt, bare (between spaces) or bracketed: (at) [at] {at} <at>.
const AT_WORD = '(?:at|arroba)';
const DOT_WORD = '(?:dot|punto|ponto)';
const OPEN = '[\\(\\[\\{<]';
const CLOSE = '[\\)\\]\\}>]';
const AT = `(?:@|\\s@\\s|\\s*${OPEN}\\s*(?:${AT_WORD}|@)\\s*${CLOSE}\\s*|\\s+${AT_WORD}\\s+)`;
const DOT = `(?:\\.|\\s*${OPEN}\\s*(?:${DOT_WORD}|\\.)\\s*${CLOSE}\\s*|\\s+${DOT_WORD}\\s+)`;
const LOCAL = "[A-Za-z0-9](?:[A-Za-z0-9._%+\\-]{0,62}[A-Za-z0-9_%+\\-])?";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?';
const TLD = '[A-Za-z]{2,24}';

const EMAIL = new RegExp(
  `(?<![A-Za-z0-9._%+\\-@'])(${LOCAL})(${AT})((?:${LABEL}${DOT})+${TLD})(?![A-Za-z0-9\\-@]|\\.[A-Za-z0-9])`,
  'gi',
);
// What makes "gmail" the start of a full domain rather than a bare provider: a dot written out or bracketed, or a
// plain dot directly before a letter ("gmail.com"), or a spaced plain dot before a TLD ("gmail . com"). A plain dot
// followed by a space and another word is the end of the sentence ("arroba gmail. Besos").
const PROVIDER_TLD_AFTER =
  `\\.[A-Za-z]|\\s*${OPEN}\\s*(?:${DOT_WORD}|\\.)\\s*${CLOSE}\\s*[A-Za-z]|\\s+${DOT_WORD}\\s+[A-Za-z]|` +
  '\\s*\\.\\s*(?:com|net|org|es|mx|ar|br|co|me|pt|cl|pe|uk|us)(?![A-Za-z])';
/** "juana arroba gmail": a provider named without its TLD, a common way to dodge filters. */
const PROVIDER_ONLY = new RegExp(
  `(?<![A-Za-z0-9._%+\\-@'])(${LOCAL})(${AT})(gmail|hotmail|outlook|yahoo|icloud|protonmail|proton|live|msn|aol|gmx)(?![A-Za-z0-9\\-@]|${PROVIDER_TLD_AFTER})`,
  'gi',
);
const PROVIDER_DOMAIN: ReadonlyMap<string, string> = new Map([
  ['gmail', 'gmail.com'], ['hotmail', 'hotmail.com'], ['outlook', 'outlook.com'], ['yahoo', 'yahoo.com'],
  ['icloud', 'icloud.com'], ['protonmail', 'protonmail.com'], ['proton', 'proton.me'], ['live', 'live.com'],
  ['msn', 'msn.com'], ['aol', 'aol.com'], ['gmx', 'gmx.com'],
]);

// When "at"/"dot" are spelled out, ordinary prose ("meet me at the park dot com") could match; demand a TLD
// that e-mail addresses in ads actually use.
const COMMON_TLDS = new Set([
  'com', 'net', 'org', 'info', 'biz', 'me', 'io', 'co', 'es', 'mx', 'ar', 'br', 'cl', 'pe', 'ec', 've', 'uy', 'py',
  'bo', 'cr', 'gt', 'hn', 'sv', 'ni', 'pa', 'do', 'pt', 'us', 'uk', 'ca', 'de', 'fr', 'it', 'eu', 'ch', 'nl', 'be',
  'email', 'mail', 'xyz', 'online', 'site', 'live', 'app',
]);

// "write to me at gmail dot com": with a spelled-out "at", a pronoun before it is prose, not a mailbox.
const PRONOUNS = new Set(['me', 'us', 'him', 'her', 'them', 'you', 'i', 'it', 'mi', 'nos', 'tu', 'te', 'eu', 'voce', 'yo']);

const DOT_GLOBAL = new RegExp(DOT, 'gi');

function normalizeDomain(raw: string): string {
  return raw.replace(DOT_GLOBAL, '.').toLowerCase();
}

// "More pics at www.example.com/x", "Apply at example.com/jobs": with a bare "at" word, a domain that goes on
// with a path, or starts with "www.", is a link, and words that usually precede a link are not mailboxes.
const LINK_LEADS = new Set([
  'pics', 'photos', 'fotos', 'videos', 'video', 'info', 'online', 'apply', 'more', 'book', 'booking', 'order',
  'visit', 'available', 'located', 'here', 'us', 'website', 'site', 'page', 'profile', 'gallery', 'menu', 'shop',
]);

function looksLikeLink(text: string, local: string, domain: string, end: number): boolean {
  if (domain.startsWith('www.') || LINK_LEADS.has(local.toLowerCase())) return true;
  const next = text[end];
  return next === '/' || next === '?' || next === '#';
}

/** Finds e-mail addresses, including `arroba`/`at`/`(at)`/`[at]`/`[dot]`/`punto`/`dot` spellings. */
// Cheap test first: every form needs "@" or one of the words for it.
const MAYBE_EMAIL = /@|\bat\b|arroba/i;

export function findEmails(text: string): EmailMatch[] {
  const out: EmailMatch[] = [];
  if (!MAYBE_EMAIL.test(text)) return out;
  for (const m of text.matchAll(EMAIL)) {
    const [whole, local = '', at = '', domainRaw = ''] = m;
    const domain = normalizeDomain(domainRaw);
    // "ana @ example.com" (spaced) counts as obfuscated too: "IG @ana.bella" must not become an address.
    const atSpelled = at !== '@';
    const dotSpelled = /[^.A-Za-z0-9-]/.test(domainRaw);
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    if ((atSpelled || dotSpelled) && !COMMON_TLDS.has(tld)) continue;
    if (atSpelled && PRONOUNS.has(local.toLowerCase())) continue;
    if (at.trim().toLowerCase() === 'at' && looksLikeLink(text, local, domain, m.index + whole.length)) continue;
    out.push({
      start: m.index,
      end: m.index + whole.length,
      normalized: `${local.toLowerCase()}@${domain}`,
      obfuscated: atSpelled || dotSpelled,
    });
  }
  for (const m of text.matchAll(PROVIDER_ONLY)) {
    const [whole, local = '', , provider = ''] = m;
    const domain = PROVIDER_DOMAIN.get(provider.toLowerCase());
    if (domain === undefined || PRONOUNS.has(local.toLowerCase()) || out.some((e) => e.start < m.index + whole.length && m.index < e.end)) continue;
    out.push({ start: m.index, end: m.index + whole.length, normalized: `${local.toLowerCase()}@${domain}`, obfuscated: true });
  }
  return out.sort((a, b) => a.start - b.start);
}
