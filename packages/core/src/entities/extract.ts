import { dedupeEntities } from './dedupe.js';
import { findEmails } from './emails.js';
import { findMentions, handlesFromUrls } from './handles.js';
import { foldTextTransient, originalSpan, spanWasFolded } from './normalize.js';
import { findPhones } from './phones.js';
import { DEFAULT_MAX_CHARS, type Entity, type ExtractOptions } from './types.js';
import { findUrls } from './urls.js';
import { findWallets } from './wallets/index.js';

interface Span {
  start: number;
  end: number;
}

/**
 * Extracts phones, e-mails, wallets, handles and URLs from an ad, with exact spans into `text`.
 *
 * Matching runs on a folded copy (styled digits, full-width letters and hidden characters normalised) and every
 * span is mapped back, so `text.slice(e.start, e.end) === e.value` always holds. Overlaps are resolved by
 * {@link dedupeEntities}. Texts longer than `maxChars` are cut first (never mid surrogate pair).
 */
export function extractEntities(text: string, options: ExtractOptions = {}): Entity[] {
  const limit = options.maxChars ?? DEFAULT_MAX_CHARS;
  let input = text;
  if (input.length > limit) {
    const cut = /[\uD800-\uDBFF]/.test(input[limit - 1] ?? '') ? limit - 1 : limit;
    input = input.slice(0, cut);
  }
  // The offset tables are only needed until this call returns: reuse buffers instead of allocating two per ad.
  const folded = foldTextTransient(input);
  const f = folded.text;
  const span = (s: Span): Span => originalSpan(folded, s.start, s.end);
  const base = (s: Span): { value: string; start: number; end: number } => {
    const o = span(s);
    return { value: input.slice(o.start, o.end), start: o.start, end: o.end };
  };
  const styled = (s: Span): boolean => spanWasFolded(folded, input, s.start, s.end);

  const entities: Entity[] = [];
  const phoneOptions = options.defaultRegion !== undefined ? { defaultRegion: options.defaultRegion } : {};
  for (const p of findPhones(f, phoneOptions)) {
    const { start, end, obfuscated, ...rest } = p;
    entities.push({ type: 'phone', ...base(p), ...rest, obfuscated: obfuscated || styled({ start, end }) });
  }
  for (const e of findEmails(f)) {
    entities.push({ type: 'email', ...base(e), normalized: e.normalized, obfuscated: e.obfuscated || styled(e) });
  }
  for (const w of findWallets(f)) {
    const { start: _s, end: _e, ...info } = w;
    entities.push({ type: 'wallet', ...base(w), ...info });
  }
  const urls = findUrls(f);
  for (const u of urls) {
    entities.push({ type: 'url', ...base(u), host: u.host, normalized: u.normalized });
  }
  for (const h of [...handlesFromUrls(urls), ...findMentions(f)]) {
    entities.push({
      type: 'handle',
      ...base(h),
      platform: h.platform,
      username: h.username,
      kind: h.kind,
      normalized: `${h.platform}:${h.username}`,
    });
  }
  return dedupeEntities(entities);
}

