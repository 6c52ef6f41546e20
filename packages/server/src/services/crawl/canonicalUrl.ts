import { canonicalizeUrl } from '@centinela/core';
import { sha256Hex } from '../../auth/tokens.js';

/**
 * One spelling per page, so the frontier dedupes by URL: core `canonicalizeUrl` (the hotline uses the same one),
 * with credentials stripped and relative links resolved against `base`. The path is kept as given (a trailing
 * slash too). Returns null for anything that is not a usable http(s) address.
 */
export function canonicalUrl(raw: string, base?: string | URL): string | null {
  const c = canonicalizeUrl(raw, { credentials: 'strip', ...(base !== undefined ? { base } : {}) });
  return c.ok ? c.url : null;
}

export function urlHash(canonical: string): string {
  return sha256Hex(canonical);
}

/** `host[:port]` as politeness counts it: one host, one queue. */
export function hostKey(url: string | URL): string {
  return (typeof url === 'string' ? new URL(url) : url).host.toLowerCase();
}
