/**
 * The one canonical form of a web address, shared by the crawler (frontier dedupe, rechecks) and the hotline
 * (report subjects, removal checks, notices). The result is also the address that is fetched and sent to hosting
 * providers, so it only drops what never changes the resource a server returns: lower-case scheme and host (URL
 * does it), the host's trailing dot, a default port, the fragment, tracking parameters; the remaining query
 * parameters are sorted by name (stable: repeated names keep their order). The path is kept as given: `/ad/123/`
 * and `/ad/123` can be different resources (one 200, the other 404), so a trailing slash is never removed.
 */
export type CanonicalUrlFailure = 'invalid' | 'scheme' | 'credentials' | 'too_long';
export type CanonicalUrlResult = { ok: true; url: string; host: string } | { ok: false; reason: CanonicalUrlFailure };

export interface CanonicalUrlOptions {
  /** Resolves relative references (links in a page) against this address. */
  base?: string | URL;
  /** `refuse` (default): a URL with a user name or password fails with `credentials`; `strip`: they are removed. */
  credentials?: 'refuse' | 'strip';
  /** Text without a scheme (`example.test/x`, as people type it) is read as `http://…`. Off by default. */
  assumeHttp?: boolean;
  /** Longer input (after trimming) fails with `too_long`; no limit by default. */
  maxLength?: number;
}

// Parameters that only say where a visitor came from; the union of what the crawler and the hotline dropped.
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+|_ga|igshid|ref_src)$/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function isTrackingParam(name: string): boolean {
  return TRACKING.test(name);
}

export function canonicalizeUrl(raw: string, options: CanonicalUrlOptions = {}): CanonicalUrlResult {
  const text = raw.trim();
  if (options.maxLength !== undefined && text.length > options.maxLength) return { ok: false, reason: 'too_long' };
  let u: URL;
  try {
    if (options.base !== undefined) u = new URL(text, options.base);
    else u = new URL(options.assumeHttp && !HAS_SCHEME.test(text) ? `http://${text}` : text);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (u.username || u.password) {
    if (options.credentials !== 'strip') return { ok: false, reason: 'credentials' };
    u.username = '';
    u.password = '';
  }
  const hostname = u.hostname.endsWith('.') ? u.hostname.slice(0, -1) : u.hostname;
  if (!hostname) return { ok: false, reason: 'invalid' };
  if (hostname !== u.hostname) u.hostname = hostname;
  u.hash = '';
  // Array.prototype.sort is stable; plain code-unit order, so the result does not depend on a locale.
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = params.length ? new URLSearchParams(params).toString() : '';
  return { ok: true, url: u.href, host: u.hostname.replace(/^\[|\]$/g, '') };
}
