/**
 * The canonical form of a reported URL, so that reports of the same page attach to one subject:
 * lower-case scheme and host, no default port, no fragment, no tracking parameters, sorted query,
 * no trailing slash. URLs with credentials or other schemes than http(s) are refused.
 */
export type CanonicalReportUrl = { ok: true; url: string; host: string } | { ok: false; reason: 'invalid' | 'scheme' | 'credentials' | 'too_long' };

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_eid|mc_cid|igshid|ref_src)$/i;
export const MAX_REPORT_URL_LENGTH = 2048;

export function canonicalReportUrl(raw: string): CanonicalReportUrl {
  const text = raw.trim();
  if (text.length > MAX_REPORT_URL_LENGTH) return { ok: false, reason: 'too_long' };
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `http://${text}`);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (u.username || u.password) return { ok: false, reason: 'credentials' };
  if (!u.hostname) return { ok: false, reason: 'invalid' };
  u.hash = '';
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  u.search = '';
  for (const [k, v] of params) u.searchParams.append(k, v);
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  const href = u.toString();
  const host = u.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return { ok: true, url: href, host };
}
