import { sha256Hex } from '../../auth/tokens.js';

// Tracking parameters that never change what a page shows.
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+|_ga)$/i;

/**
 * One spelling per page, so the frontier dedupes by URL: lower-case scheme and host (URL does it), no default
 * port, no fragment, no tracking parameters, remaining query parameters sorted, `/` for an empty path.
 * Returns null for anything that is not http(s).
 */
export function canonicalUrl(raw: string, base?: string | URL): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const params = [...url.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  url.search = params.length ? new URLSearchParams(params).toString() : '';
  return url.href;
}

export function urlHash(canonical: string): string {
  return sha256Hex(canonical);
}

/** `host[:port]` as politeness counts it: one host, one queue. */
export function hostKey(url: string | URL): string {
  return (typeof url === 'string' ? new URL(url) : url).host.toLowerCase();
}
