import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { Problem } from '../problem.js';

/** A CSS selector whose text (or attribute) is read; `all` joins every match (texts) or lists them (images). */
const fieldSpec = z.union([
  z.string().min(1).max(500),
  z.strictObject({ selector: z.string().min(1).max(500), attr: z.string().min(1).max(100).optional(), all: z.boolean().optional() }),
]);
export type FieldSpec = z.infer<typeof fieldSpec>;

const regex = z
  .string()
  .min(1)
  .max(500)
  .superRefine((s, ctx) => {
    try {
      new RegExp(s, 'u');
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${(err as Error).message}` });
    }
  });

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(4096);

/** A site profile: what to crawl and how to read it. The shape users write, in YAML or JSON (docs/CRAWLER.md). */
export const profileSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes (at most 63)'),
  description: z.string().max(2000).optional(),
  startUrls: z.array(httpUrl).min(1, 'needs at least one start URL').max(1000),
  sitemaps: z.array(httpUrl).max(100).default([]),
  /** Hosts the crawl may visit; the start URLs' hosts when absent. */
  allowedHosts: z.array(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name, optionally with :port')).max(100).optional(),
  /** Regular expressions on path + query: links matching one are followed (all same-host links when empty). */
  follow: z.array(regex).max(100).default([]),
  /** Regular expressions on path + query: links matching one are never followed (wins over `follow`). */
  ignore: z.array(regex).max(100).default([]),
  /** Regular expression on path + query of pages that are ads: their fields are extracted into items. */
  itemPages: regex,
  /** Pagination links are always followed (within the depth budget) even when `follow` does not name them. */
  pagination: z.strictObject({ selector: z.string().min(1).max(500) }).optional(),
  limits: z
    .strictObject({
      maxDepth: z.number().int().min(0).max(100).default(5),
      maxPages: z.number().int().min(1).max(10_000_000).default(10_000),
      maxImagesPerItem: z.number().int().min(0).max(50).default(5),
    })
    .prefault({}),
  politeness: z
    .strictObject({
      /** Milliseconds between two requests to the same host (robots.txt Crawl-delay wins when longer). */
      delayMs: z.number().int().min(0).max(3_600_000).default(1000),
      maxAttempts: z.number().int().min(1).max(10).default(3),
    })
    .prefault({}),
  /** `javascript` renders item and listing pages in Chromium (Playwright) before reading them. */
  render: z.enum(['static', 'javascript']).default('static'),
  recrawl: z.strictObject({ everyHours: z.number().min(0.01).max(24 * 365) }).optional(),
  /** ISO 3166-1 alpha-2 country of the site's ads, when known. */
  region: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').optional(),
  extract: z
    .strictObject({
      title: fieldSpec.optional(),
      text: fieldSpec.optional(),
      postedAt: fieldSpec.optional(),
      location: fieldSpec.optional(),
      price: fieldSpec.optional(),
      images: fieldSpec.optional(),
      contact: fieldSpec.optional(),
      /** Read schema.org JSON-LD (ClassifiedAd, Product, Offer, JobPosting…) for fields the selectors did not find. */
      jsonLd: z.boolean().default(true),
    })
    .prefault({}),
});

export type CrawlProfile = z.output<typeof profileSchema>;

/**
 * Parses a profile written in YAML or JSON (JSON is YAML) and validates it. A bad profile is refused with
 * the line and the reason: `crawl.invalid_profile` with `line` and `path`.
 */
export function parseProfile(text: string): CrawlProfile {
  if (text.length > 1_000_000) throw new Problem(400, 'crawl.invalid_profile', 'the profile is larger than 1 MB');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line;
    const reason = e.message.split('\n')[0]!;
    throw new Problem(400, 'crawl.invalid_profile', `line ${line}: ${reason}`, { line, path: '', errors: [{ path: '', message: `line ${line}: ${reason}`, code: 'crawl.invalid_profile', params: { line } }] });
  }
  return validateProfile(doc.toJS() as unknown, (path) => {
    const node = nodeAt(doc.contents, path);
    return node?.range ? lineCounter.linePos(node.range[0]).line : null;
  });
}

/** Validates an already-parsed profile; `lineOf` names the line of a path when the source text is known. */
export function validateProfile(value: unknown, lineOf: (path: PropertyKey[]) => number | null = () => null): CrawlProfile {
  const parsed = profileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const line = lineOf(issue.path);
  const where = [line !== null ? `line ${line}` : null, path || null].filter(Boolean).join(', ');
  throw new Problem(400, 'crawl.invalid_profile', `${where ? `${where}: ` : ''}${issue.message}`, { line, path, errors: [{ path, message: line !== null ? `line ${line}: ${issue.message}` : issue.message, code: 'crawl.invalid_profile', params: line !== null ? { line } : {} }] });
}

function nodeAt(root: unknown, path: PropertyKey[]): Node | null {
  let node = root as Node | null;
  let last = node;
  for (const key of path) {
    if (isMap(node)) node = (node.get(String(key), true) as Node | undefined) ?? null;
    else if (isSeq(node)) node = (node.get(Number(key), true) as Node | undefined) ?? null;
    else node = null;
    if (!node) return last;
    last = node;
  }
  return node;
}

/** Compiled matchers of a profile, built once per run. */
export interface CompiledProfile {
  profile: CrawlProfile;
  hosts: Set<string>;
  follow: RegExp[];
  ignore: RegExp[];
  itemPages: RegExp;
}

export function compileProfile(profile: CrawlProfile): CompiledProfile {
  const hosts = new Set((profile.allowedHosts ?? profile.startUrls.map((u) => new URL(u).host)).map((h) => h.toLowerCase()));
  return {
    profile,
    hosts,
    follow: profile.follow.map((r) => new RegExp(r, 'u')),
    ignore: profile.ignore.map((r) => new RegExp(r, 'u')),
    itemPages: new RegExp(profile.itemPages, 'u'),
  };
}

const pathAndQuery = (u: URL) => u.pathname + u.search;

export function isItemPage(c: CompiledProfile, url: URL): boolean {
  return c.itemPages.test(pathAndQuery(url));
}

/** Whether a discovered link may join the frontier: allowed host, not ignored, and followed (or an item, or pagination). */
export function mayFollow(c: CompiledProfile, url: URL, opts: { pagination?: boolean } = {}): boolean {
  if (!c.hosts.has(url.host.toLowerCase())) return false;
  const p = pathAndQuery(url);
  if (c.ignore.some((r) => r.test(p))) return false;
  if (opts.pagination || c.itemPages.test(p)) return true;
  return c.follow.length === 0 || c.follow.some((r) => r.test(p));
}
