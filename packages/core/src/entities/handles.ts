import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Platform } from './types.js';
import type { UrlMatch } from './urls.js';

/** A social handle found in folded text (indices are into the folded text). */
export interface HandleMatch {
  start: number;
  end: number;
  platform: Platform;
  username: string;
  kind: 'profile' | 'invite';
}

export type HandleRef = Omit<HandleMatch, 'start' | 'end'>;

// First path segments that are site pages, not user names.
const RESERVED: Readonly<Partial<Record<Platform, ReadonlySet<string>>>> = {
  instagram: new Set(['p', 'reel', 'reels', 'tv', 'explore', 'accounts', 'direct', 'about', 'legal', 'developer', 'web', 'stories']),
  twitter: new Set(['home', 'i', 'intent', 'share', 'search', 'hashtag', 'explore', 'settings', 'messages', 'notifications', 'login', 'signup', 'tos', 'privacy']),
  facebook: new Set(['pages', 'groups', 'events', 'watch', 'share', 'sharer', 'sharer.php', 'login', 'help', 'marketplace', 'photo', 'photo.php', 'story.php', 'permalink.php', 'hashtag', 'people', 'profile.php', 'reel', 'gaming', 'dialog']),
  onlyfans: new Set(['my', 'posts', 'login', 'signup', 'terms', 'privacy', 'help', 'about', 'search']),
  telegram: new Set(['share', 'addstickers', 'proxy', 'socks', 'iv', 'login', 'setlanguage']),
};

const USERNAME: Readonly<Partial<Record<Platform, RegExp>>> = {
  instagram: /^[a-z0-9._]{1,30}$/i,
  twitter: /^[a-z0-9_]{1,15}$/i,
  tiktok: /^[a-z0-9._]{2,24}$/i,
  snapchat: /^[a-z][a-z0-9._-]{1,14}$/i,
  onlyfans: /^[a-z0-9._-]{1,50}$/i,
  facebook: /^[a-z0-9.\-]{1,50}$/i,
  telegram: /^[a-z][a-z0-9_]{3,31}$/i,
};

function hostPlatform(host: string): Platform | undefined {
  const h = host.replace(/^(?:m|mobile|web)\./, '');
  if (h === 'wa.me' || h === 'whatsapp.com' || h === 'api.whatsapp.com' || h === 'chat.whatsapp.com') return 'whatsapp';
  if (h === 't.me' || h === 'telegram.me' || h === 'telegram.dog') return 'telegram';
  if (h === 'instagram.com' || h === 'instagr.am') return 'instagram';
  if (h === 'snapchat.com' || h === 'story.snapchat.com') return 'snapchat';
  if (h === 'onlyfans.com') return 'onlyfans';
  if (h === 'twitter.com' || h === 'x.com') return 'twitter';
  if (h === 'tiktok.com') return 'tiktok';
  if (h === 'facebook.com' || h === 'fb.com' || h === 'fb.me') return 'facebook';
  return undefined;
}

function profile(platform: Platform, name: string | undefined): HandleRef | null {
  if (name === undefined || name.length === 0) return null;
  if (RESERVED[platform]?.has(name.toLowerCase())) return null;
  const shape = USERNAME[platform];
  if (shape !== undefined && !shape.test(name)) return null;
  return { platform, username: name.toLowerCase(), kind: 'profile' };
}

function whatsappNumber(digits: string | null | undefined): HandleRef | null {
  const clean = (digits ?? '').replace(/[^\d]/g, '');
  if (clean.length < 7 || clean.length > 15) return null;
  const phone = parsePhoneNumberFromString(`+${clean}`);
  return { platform: 'whatsapp', username: phone?.isValid() ? phone.number : `+${clean}`, kind: 'profile' };
}

/** The account a platform link points to (profile or invite), or `null` for other pages and other sites. */
export function handleFromUrl(url: URL): HandleRef | null {
  const platform = hostPlatform(url.hostname);
  if (platform === undefined) return null;
  const segs = url.pathname.split('/').filter((s) => s.length > 0).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const [first, second] = segs;
  switch (platform) {
    case 'whatsapp':
      if (url.hostname === 'chat.whatsapp.com' && first !== undefined) return { platform, username: first, kind: 'invite' };
      if (url.hostname === 'wa.me') return whatsappNumber(first);
      return whatsappNumber(url.searchParams.get('phone'));
    case 'telegram':
      if (first === 'joinchat' && second !== undefined) return { platform, username: second, kind: 'invite' };
      if (first?.startsWith('+')) return { platform, username: first.slice(1), kind: 'invite' };
      return profile(platform, first === 's' ? second : first);
    case 'instagram':
      return profile(platform, first === 'stories' ? second : first);
    case 'snapchat':
      if (first === 'add') return profile(platform, second);
      return first?.startsWith('@') ? profile(platform, first.slice(1)) : null;
    case 'tiktok':
      return first?.startsWith('@') ? profile(platform, first.slice(1)) : null;
    case 'facebook': {
      const id = url.searchParams.get('id');
      if (first === 'profile.php' && id !== null && /^\d+$/.test(id)) return { platform, username: `id:${id}`, kind: 'profile' };
      return profile(platform, first);
    }
    default:
      return profile(platform, first);
  }
}

/** Handles that come from platform links. */
export function handlesFromUrls(urls: readonly UrlMatch[]): HandleMatch[] {
  const out: HandleMatch[] = [];
  for (const u of urls) {
    const ref = handleFromUrl(u.url);
    if (ref !== null) out.push({ ...ref, start: u.start, end: u.end });
  }
  return out;
}

// Words that name a platform next to a handle ("IG: @ana", "telegram @ana", "mi snap ana_22").
const PLATFORM_WORDS: ReadonlyArray<readonly [Platform, RegExp]> = [
  ['telegram', /\b(?:telegram|telegrama|tg|tlgm)\b/gi],
  ['instagram', /\b(?:instagram|insta|ig)\b/gi],
  ['snapchat', /\b(?:snapchat|snap|sc)\b/gi],
  ['onlyfans', /\b(?:onlyfans|only\s?fans|OF)\b/g],
  ['twitter', /\b(?:twitter|tuiter)\b|(?<![\p{L}\p{N}])X(?=\s*:)/gu],
  ['tiktok', /\b(?:tiktok|tik\s?tok)\b/gi],
  ['facebook', /\b(?:facebook|face|fb)\b/gi],
];

/** The platform named closest before `pos` on the same line (or right after the handle), if any. */
function platformNear(text: string, start: number, end: number): Platform {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const from = Math.max(lineStart, start - 40);
  const before = text.slice(from, start);
  let best: Platform = 'unknown';
  let bestPos = -1;
  for (const [platform, re] of PLATFORM_WORDS) {
    re.lastIndex = 0;
    for (const m of before.matchAll(re)) {
      if (m.index > bestPos) {
        bestPos = m.index;
        best = platform;
      }
    }
  }
  if (best !== 'unknown') return best;
  // "@ana_b en IG", "@ana_b (telegram)"
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, Math.min(lineEnd < 0 ? text.length : lineEnd, end + 16));
  for (const [platform, re] of PLATFORM_WORDS) {
    re.lastIndex = 0;
    const m = re.exec(after);
    if (m !== null && /^[^\p{L}\p{N}]*(?:(?:en|in|on|no|na|por|via|vía)\s+)?$/iu.test(after.slice(0, m.index))) return platform;
  }
  return 'unknown';
}

const MENTION = /(?<![\p{L}\p{N}_.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![A-Za-z0-9_@]|\.[A-Za-z])/gu;
// "IG: ana.bella", "Snap - ana_b22": a platform word, a separator, then the user name without "@".
const LABELLED =
  /\b(telegram|telegrama|tg|instagram|insta|ig|snapchat|snap|onlyfans|of|tiktok|twitter|facebook|fb)\s*[:=>\-–]+\s*([A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])?)(?![A-Za-z0-9_@]|\.[A-Za-z])/gi;
const LABEL_PLATFORM: ReadonlyMap<string, Platform> = new Map<string, Platform>([
  ['telegram', 'telegram'], ['telegrama', 'telegram'], ['tg', 'telegram'], ['instagram', 'instagram'],
  ['insta', 'instagram'], ['ig', 'instagram'], ['snapchat', 'snapchat'], ['snap', 'snapchat'],
  ['onlyfans', 'onlyfans'], ['of', 'onlyfans'], ['tiktok', 'tiktok'], ['twitter', 'twitter'], ['facebook', 'facebook'], ['fb', 'facebook'],
]);
// Words that follow "IG:" in prose and are not user names.
const NOT_NAMES = new Set(['no', 'si', 'yes', 'solo', 'only', 'tengo', 'not', 'nao', 'sim', 'link', 'bio', 'dm', 'mismo', 'same', 'igual', 'abajo', 'below', 'aqui', 'here', 'privado', 'private']);

/** `@user` mentions and "IG: user" labels, with the platform taken from nearby words. */
export function findMentions(text: string): HandleMatch[] {
  const out: HandleMatch[] = [];
  // A mention needs an "@": skip the regex on the many ads without one.
  for (const m of text.includes('@') ? text.matchAll(MENTION) : []) {
    const name = m[1] ?? '';
    if (!/[A-Za-z]/.test(name)) continue; // "@310…" is a phone written oddly, not a user
    const end = m.index + m[0].length;
    out.push({ start: m.index, end, platform: platformNear(text, m.index, end), username: name.toLowerCase(), kind: 'profile' });
  }
  for (const m of text.matchAll(LABELLED)) {
    const name = m[2] ?? '';
    const label = m[1] ?? '';
    const platform = LABEL_PLATFORM.get(label.toLowerCase());
    if (label.toLowerCase() === 'of' && label !== 'OF') continue; // "of" is English prose; "OF" is OnlyFans
    if (platform === undefined || NOT_NAMES.has(name.toLowerCase()) || !/[A-Za-z]/.test(name)) continue;
    const start = m.index + m[0].length - name.length;
    if (out.some((h) => h.start <= start && start < h.end)) continue;
    out.push({ start, end: start + name.length, platform, username: name.toLowerCase(), kind: 'profile' });
  }
  return out;
}
