import { load, type CheerioAPI } from 'cheerio';
import type { CompiledProfile, FieldSpec } from './profile.js';
import { canonicalUrl } from './canonicalUrl.js';

/** What a page yields: links to follow, pagination links, and — on ad pages — the ad's fields. */
export interface PageExtraction {
  links: string[];
  pagination: string[];
  fields: ExtractedFields | null;
}

export interface ExtractedFields {
  title: string | null;
  text: string | null;
  postedAt: string | null;
  location: string | null;
  price: string | null;
  contact: string | null;
  images: string[];
}

const MAX_LINKS = 5000;

/**
 * Reads a page with cheerio (no script runs: cheerio only parses). Texts are plain strings taken with `.text()`,
 * so markup and scripts in an ad never become markup anywhere else; the UI escapes them again when it shows them.
 */
export function extractPage(html: string, pageUrl: string, c: CompiledProfile, isItem: boolean): PageExtraction {
  const $ = load(html);
  const base = $('base[href]').attr('href');
  const baseUrl = (base && canonicalUrl(base, pageUrl)) || pageUrl;
  const resolve = (href: string | undefined) => (href ? canonicalUrl(href.trim(), baseUrl) : null);
  const links = new Set<string>();
  $('a[href]').each((_, el) => {
    if (links.size >= MAX_LINKS) return false;
    const rel = ($(el).attr('rel') ?? '').toLowerCase();
    if (rel.split(/\s+/).includes('nofollow')) return;
    const u = resolve($(el).attr('href'));
    if (u) links.add(u);
    return;
  });
  const pagination = new Set<string>();
  if (c.profile.pagination) {
    $(c.profile.pagination.selector).each((_, el) => {
      const u = resolve($(el).attr('href'));
      if (u) pagination.add(u);
    });
  }
  return { links: [...links], pagination: [...pagination], fields: isItem ? extractFields($, c, resolve) : null };
}

function clean(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  const t = s.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  return t === '' ? null : t;
}

function readField($: CheerioAPI, spec: FieldSpec | undefined): string | null {
  if (!spec) return null;
  const { selector, attr, all } = typeof spec === 'string' ? { selector: spec, attr: undefined, all: false } : spec;
  const els = $(selector);
  if (els.length === 0) return null;
  const read = (i: number) => {
    const el = els.eq(i);
    return attr ? el.attr(attr) : blockText($, el);
  };
  if (!all) return clean(read(0));
  return clean(els.toArray().map((_, i) => read(i) ?? '').filter(Boolean).join('\n'));
}

/** Text with line breaks where blocks and <br> were, so paragraphs do not run together. */
function blockText($: CheerioAPI, el: ReturnType<CheerioAPI>): string {
  const copy = el.clone();
  copy.find('script, style, noscript, template').remove();
  copy.find('br').replaceWith('\n');
  copy.find('p, div, li, h1, h2, h3, h4, h5, h6, tr').each((_, b) => {
    $(b).append('\n');
  });
  return copy.text();
}

function readImages($: CheerioAPI, spec: FieldSpec | undefined, resolve: (h: string | undefined) => string | null): string[] {
  if (!spec) return [];
  const { selector, attr } = typeof spec === 'string' ? { selector: spec, attr: 'src' } : { selector: spec.selector, attr: spec.attr ?? 'src' };
  const out = new Set<string>();
  $(selector).each((_, el) => {
    const u = resolve($(el).attr(attr));
    if (u) out.add(u);
  });
  return [...out];
}

function extractFields($: CheerioAPI, c: CompiledProfile, resolve: (h: string | undefined) => string | null): ExtractedFields {
  const e = c.profile.extract;
  const fields: ExtractedFields = {
    title: readField($, e.title),
    text: readField($, e.text),
    postedAt: readField($, e.postedAt),
    location: readField($, e.location),
    price: readField($, e.price),
    contact: readField($, e.contact),
    images: readImages($, e.images, resolve),
  };
  if (e.jsonLd) fillFromJsonLd($, fields, resolve);
  return fields;
}

const AD_TYPES = new Set(['classifiedad', 'product', 'offer', 'jobposting', 'article', 'newsarticle', 'socialmediaposting', 'service', 'event']);

/** schema.org JSON-LD: fills the fields the selectors left empty. Malformed blocks are ignored. */
function fillFromJsonLd($: CheerioAPI, f: ExtractedFields, resolve: (h: string | undefined) => string | null): void {
  const nodes: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 5 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    nodes.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      visit(JSON.parse($(el).text()), 0);
    } catch {
      /* not JSON: skip */
    }
  });
  const types = (o: Record<string, unknown>) => [o['@type']].flat().map((t) => String(t).toLowerCase());
  const ad = nodes.find((o) => types(o).some((t) => AD_TYPES.has(t)));
  if (!ad) return;
  const str = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? clean(String(v)) : null);
  f.title ??= str(ad.name) ?? str(ad.headline) ?? str(ad.title);
  f.text ??= str(ad.description) ?? str(ad.articleBody);
  f.postedAt ??= str(ad.datePosted) ?? str(ad.datePublished) ?? str(ad.dateCreated);
  if (!f.location) {
    const place = (ad.contentLocation ?? ad.jobLocation ?? ad.areaServed ?? ad.address ?? ad.location) as unknown;
    const p = Array.isArray(place) ? place[0] : place;
    if (typeof p === 'string') f.location = clean(p);
    else if (p && typeof p === 'object') {
      const o = p as Record<string, unknown>;
      const addr = (o.address ?? o) as Record<string, unknown> | string;
      f.location =
        typeof addr === 'string'
          ? clean(addr)
          : clean([addr.addressLocality, addr.addressRegion, addr.addressCountry].filter((x) => typeof x === 'string').join(', ')) ?? str(o.name);
    }
  }
  if (!f.price) {
    const offers = (Array.isArray(ad.offers) ? ad.offers[0] : ad.offers ?? (types(ad).includes('offer') ? ad : null)) as Record<string, unknown> | null;
    const salary = ad.baseSalary as Record<string, unknown> | undefined;
    const src = offers ?? salary ?? null;
    if (src) {
      const value = src.value && typeof src.value === 'object' ? (src.value as Record<string, unknown>).value : src.value;
      f.price = clean([str(src.price ?? value), str(src.priceCurrency ?? src.currency)].filter(Boolean).join(' '));
    }
  }
  if (f.images.length === 0 && ad.image) {
    for (const img of [ad.image].flat()) {
      const u = resolve(typeof img === 'string' ? img : typeof img === 'object' && img ? String((img as Record<string, unknown>).url ?? '') : undefined);
      if (u) f.images.push(u);
    }
  }
  if (!f.contact) {
    const seller = (ad.seller ?? ad.author ?? ad.hiringOrganization) as Record<string, unknown> | undefined;
    if (seller && typeof seller === 'object') f.contact = clean([str(seller.telephone), str(seller.email)].filter(Boolean).join(' '));
  }
}

/**
 * Decodes an HTML body by its declared charset: the Content-Type header first, then a <meta> in the first 2 KB,
 * else UTF-8 (invalid bytes become U+FFFD, never an error). Unknown labels fall back to UTF-8.
 */
export function decodeHtml(body: Buffer, contentType: string | undefined): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = body.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  for (const label of [fromHeader, fromMeta, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label, { fatal: false }).decode(body);
    } catch {
      // not a label the platform knows: try the next source
    }
  }
  return body.toString('utf8');
}
