import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ITEM_SOURCES, type ItemSource } from '../db/schema/item.js';

/**
 * Stored item text is cut here (UTF-16 units, never inside a surrogate pair). Analysis reads at most the first
 * TEXT_MAX_CHARS of core (20,000) of title + text; the rest is kept as evidence only.
 */
export const ITEM_TEXT_MAX_CHARS = 100_000;
export const ITEM_TITLE_MAX_CHARS = 1_000;
/** Location and price texts, and other short free-text fields. */
export const ITEM_SHORT_MAX_CHARS = 500;
export const ITEM_URL_MAX_CHARS = 4_096;
export const ITEM_MAX_MEDIA_REFS = 100;

// C0 controls other than tab, LF and CR, and DEL: binary junk. NUL in particular cannot be stored in PostgreSQL text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// Unpaired surrogates: what invalid UTF-8 or a cut through an emoji leaves in a JS string.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * Makes any string storable on both databases: lone surrogates become U+FFFD, control characters are dropped,
 * then the text is cut. Zero-width and bidi characters are kept: the analysis flags them as evasion.
 */
export function cleanText(text: string, max: number): string {
  return cutText(text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ''), max);
}

/** SHA-256 of title and text after NFC and whitespace folding, so re-captures that only re-flow lines are equal. */
export function contentHash(title: string | null, text: string): string {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  // Neither part contains a newline after folding, so the separator is unambiguous.
  return createHash('sha256').update(`${norm(title ?? '')}\n${norm(text)}`, 'utf8').digest('hex');
}

/** Lower-case host without `www.`. */
export function siteOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 date or date-time (UTC when no offset is given), stored as `toISOString()` so text order is time order. */
export const isoInstant = z
  .string()
  .trim()
  .regex(ISO_DATE, 'must be an ISO 8601 date or date-time')
  .transform((s, ctx) => {
    const zoned = s.length === 10 ? `${s}T00:00:00Z` : /(?:Z|[+-]\d{2}:?\d{2})$/i.test(s) ? s : `${s}Z`;
    const d = new Date(zoned.replace(' ', 'T'));
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
      return z.NEVER;
    }
    return d.toISOString();
  });

const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => cleanText(s, max).trim())
    .transform((s) => (s === '' ? null : s))
    .nullish();

/** One item as partners, imports and crawlers send it. Over-long texts are cut, not refused. */
export const itemInputSchema = z
  .strictObject({
    source: z.enum(ITEM_SOURCES).optional(),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(ITEM_URL_MAX_CHARS)
      .nullish(),
    site: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9.-]{1,253}$/, 'must be a host name')
      .nullish(),
    title: optionalText(ITEM_TITLE_MAX_CHARS),
    text: z.string().transform((s) => cleanText(s, ITEM_TEXT_MAX_CHARS)).nullish(),
    postedAt: isoInstant.nullish(),
    capturedAt: isoInstant.nullish(),
    locationText: optionalText(ITEM_SHORT_MAX_CHARS),
    priceText: optionalText(ITEM_SHORT_MAX_CHARS),
    mediaRefs: z.array(z.string().trim().min(1).max(ITEM_URL_MAX_CHARS)).max(ITEM_MAX_MEDIA_REFS).nullish(),
    rawCaptureRef: optionalText(ITEM_SHORT_MAX_CHARS),
    region: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
      .nullish(),
  })
  .refine((i) => Boolean(i.title) || Boolean(i.text?.trim()), { message: 'needs a title or a text', path: ['text'] });

export type ItemInput = z.input<typeof itemInputSchema>;
type ParsedInput = z.output<typeof itemInputSchema>;

/** A valid item, cleaned and ready to store. */
export interface NewItem {
  source: ItemSource;
  url: string;
  site: string | null;
  title: string | null;
  text: string;
  postedAt: string | null;
  capturedAt: string | null;
  locationText: string | null;
  priceText: string | null;
  mediaRefs: string[];
  rawCaptureRef: string | null;
  region: string | null;
  contentHash: string;
}

export type ParsedItem = { ok: true; item: NewItem } | { ok: false; reason: string };

/** Why an entry was refused, in one line: the first problem with its field. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`.slice(0, 300);
}

/**
 * Validates one entry. `forcedSource` wins over the entry's own (partners always ingest as `partner`);
 * `defaultSource` applies when the entry names none.
 */
export function parseItem(entry: unknown, opts: { defaultSource: ItemSource; forcedSource?: ItemSource | undefined }): ParsedItem {
  const parsed = itemInputSchema.safeParse(entry);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  return { ok: true, item: toNewItem(parsed.data, opts) };
}

function toNewItem(i: ParsedInput, opts: { defaultSource: ItemSource; forcedSource?: ItemSource | undefined }): NewItem {
  const url = i.url ? new URL(i.url) : null;
  const title = i.title ?? null;
  const text = i.text ?? '';
  return {
    source: opts.forcedSource ?? i.source ?? opts.defaultSource,
    url: url?.href ?? '',
    site: i.site ?? (url ? siteOf(url) : null),
    title,
    text,
    postedAt: i.postedAt ?? null,
    capturedAt: i.capturedAt ?? null,
    locationText: i.locationText ?? null,
    priceText: i.priceText ?? null,
    mediaRefs: i.mediaRefs ?? [],
    rawCaptureRef: i.rawCaptureRef ?? null,
    region: i.region ?? null,
    contentHash: contentHash(title, text),
  };
}
