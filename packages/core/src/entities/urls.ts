/** A link found in folded text (indices are into the folded text). */
export interface UrlMatch {
  start: number;
  end: number;
  /** Lower-case host without `www.`. */
  host: string;
  /** Scheme + host + path + query, tracking parameters and fragment removed. */
  normalized: string;
  /** Parsed, already cleaned URL, for handle detection. */
  url: URL;
  /** Written without a scheme (`t.me/x`, `www.x.com`). */
  bare: boolean;
}

// URL characters per RFC 3986 plus letters/digits of any script (IDN paths); emoji and other symbols end a URL,
// because ads glue them to links ("t.me/ana🔥").
const URL_CHAR = "[\\p{L}\\p{N}\\-._~:/?#\\[\\]@!$&*+,;=%()]";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]{0,61}[\\p{L}\\p{N}])?';
const URL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.@/_\\-])(?:https?://${URL_CHAR}+|(?:${LABEL}\\.)+\\p{L}{2,24}(?::\\d{2,5})?(?:[/?#]${URL_CHAR}*)?)`,
  'giu',
);

// A bare "word.word" is usually not a link ("hola.como"); accept it when the TLD is one links use, when it is a
// known platform host, or when it has a path.
const BARE_TLDS = new Set([
  'com', 'net', 'org', 'info', 'biz', 'io', 'xyz', 'app', 'site', 'online', 'club', 'live', 'vip', 'top', 'link',
  'fans', 'chat', 'onion', 'store', 'shop', 'website', 'blog', 'page', 'ly', 'gl', 'gg', 'ws', 'tv',
]);
const PATH_TLDS = new Set([
  ...BARE_TLDS, 'me', 'co', 'es', 'mx', 'ar', 'br', 'cl', 'pe', 'ec', 've', 'uy', 'py', 'bo', 'cr', 'gt', 'hn', 'sv',
  'ni', 'pa', 'do', 'pt', 'us', 'uk', 'ca', 'de', 'fr', 'it', 'eu', 'ru', 'am', 'to', 'cc', 'la', 'lat', 'ai', 'dog',
]);
const PLATFORM_HOSTS = new Set([
  't.me', 'wa.me', 'x.com', 'fb.me', 'fb.com', 'instagr.am', 'telegram.me', 'telegram.dog', 'onlyfans.com',
  'snapchat.com', 'tiktok.com', 'vm.tiktok.com', 'instagram.com', 'twitter.com', 'facebook.com', 'whatsapp.com',
]);

// Query parameters that identify the click, not the page; removing them lets the same page match across ads.
const TRACKING_PARAM = /^(?:utm_.+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|igsh|mibextid|mc_cid|mc_eid|_ga|_gl|ref_src|ref_url|si|s_cid|trk|spm)$/i;
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ']', '}', '*', ')']);

/** Drops sentence punctuation glued to the end of a link, but keeps a `)` that closes a `(` inside it. */
function trimTrailing(raw: string): string {
  let s = raw;
  while (s.length > 0 && TRAILING.has(s[s.length - 1]!)) {
    if (s.endsWith(')') && s.split('(').length >= s.split(')').length) break;
    s = s.slice(0, -1);
  }
  return s;
}

/** Removes tracking parameters and the fragment; lower-cases the host and drops `www.`. */
export function cleanUrl(url: URL): URL {
  const clean = new URL(url.href);
  clean.hash = '';
  for (const key of [...clean.searchParams.keys()]) if (TRACKING_PARAM.test(key)) clean.searchParams.delete(key);
  if (clean.hostname.startsWith('www.')) clean.hostname = clean.hostname.slice(4);
  return clean;
}

/** The normalised text form of a cleaned URL. */
export function urlKey(url: URL): string {
  const path = url.pathname === '/' ? '' : url.pathname;
  const query = url.searchParams.size > 0 ? url.search : '';
  return `${url.protocol}//${url.host}${path}${query}`;
}

/** Parses and normalises one URL string (bare domains get `https://`); `null` when it is not a usable link. */
export function normalizeUrl(raw: string): { url: URL; host: string; normalized: string } | null {
  const hasScheme = /^https?:\/\//i.test(raw);
  let parsed: URL;
  try {
    parsed = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (parsed.hostname.length === 0 || !parsed.hostname.includes('.')) return null;
  const url = cleanUrl(parsed);
  return { url, host: url.hostname, normalized: urlKey(url) };
}

/** Finds links with or without a scheme. */
// Every link has a scheme, or a label, a dot and a TLD of at least two letters (`(?:LABEL\.)+\p{L}{2,24}` above);
// most ads have neither ("1.62" and "$120.000" are not), so skip the big regex.
// `mayHoldLink` is what `/[\p{L}\p{N}]\.\p{L}\p{L}|:\/\//u.test(text)` answers, without a Unicode regex over the text.
const LETTER = /^\p{L}$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
// Per BMP unit: bit 1 = letter or number known, bit 2 = letter or number, bit 4 = letter known, bit 8 = letter.
const unitClass = new Uint8Array(65536);
const astralClass = new Map<number, number>();

function classOf(cp: number): number {
  let v = cp < 0x10000 ? unitClass[cp]! : (astralClass.get(cp) ?? 0);
  if (v === 0) {
    const ch = String.fromCodePoint(cp);
    v = 1 | 4 | (LETTER_OR_NUMBER.test(ch) ? 2 : 0) | (LETTER.test(ch) ? 8 : 0);
    if (cp < 0x10000) unitClass[cp] = v;
    else if (astralClass.size < 10_000) astralClass.set(cp, v);
  }
  return v;
}

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** The code point at `i` as a Unicode regex sees it: a whole pair, or -1 for a lone surrogate or the text's end. */
function codePointAt(text: string, i: number): number {
  if (i >= text.length) return -1;
  const cp = text.codePointAt(i)!;
  return cp < 0x10000 && isSurrogate(cp) ? -1 : cp;
}

export function mayHoldLink(text: string): boolean {
  if (text.includes('://')) return true;
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    // The code point ending right before the dot.
    let before = -1;
    const u = text.charCodeAt(dot - 1);
    if (dot >= 1 && !isSurrogate(u)) before = u;
    else if (dot >= 2 && u >= 0xdc00 && u <= 0xdfff) {
      const h = text.charCodeAt(dot - 2);
      if (h >= 0xd800 && h <= 0xdbff) before = (h - 0xd800) * 0x400 + (u - 0xdc00) + 0x10000;
    }
    if (before < 0 || (classOf(before) & 2) === 0) continue;
    const first = codePointAt(text, dot + 1);
    if (first < 0 || (classOf(first) & 8) === 0) continue;
    const second = codePointAt(text, dot + 1 + (first > 0xffff ? 2 : 1));
    if (second >= 0 && (classOf(second) & 8) !== 0) return true;
  }
  return false;
}

export function findUrls(text: string): UrlMatch[] {
  const out: UrlMatch[] = [];
  if (!mayHoldLink(text)) return out;
  for (const m of text.matchAll(URL_RE)) {
    const raw = trimTrailing(m[0]);
    const bare = !/^https?:\/\//i.test(raw);
    const parsed = normalizeUrl(raw);
    if (parsed === null) continue;
    if (bare) {
      const tld = parsed.host.slice(parsed.host.lastIndexOf('.') + 1);
      const hasPath = /[/?#]/.test(raw);
      const www = /^www\./i.test(raw);
      if (!(www || BARE_TLDS.has(tld) || PLATFORM_HOSTS.has(parsed.host) || (hasPath && PATH_TLDS.has(tld)))) continue;
    }
    out.push({ start: m.index, end: m.index + raw.length, host: parsed.host, normalized: parsed.normalized, url: parsed.url, bare });
  }
  return out;
}
