import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Removal verification: is the content at a URL still there? The lead may swap the default for the crawler's
 * recheck (`services/crawl/recheck.ts`, over `net/safeFetch.ts`); anything with this signature will do.
 */
export interface UrlCheckResult {
  state: 'present' | 'gone' | 'error';
  httpStatus: number | null;
  checkedAt: string;
  /** Why the check could not decide (`error`), e.g. a refused private address. */
  reason?: string;
}
export type UrlChecker = (url: string) => Promise<UrlCheckResult>;

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged by its IPv4 address. (A ::ffff:0:0/96 rule in a BlockList
  // would also match every plain IPv4 address.)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  if (/^::ffff:/i.test(address)) return true; // the hex form of a mapped address: refuse rather than parse

  const v = isIP(address);
  if (v === 0) return true;
  return PRIVATE.check(address, v === 6 ? 'ipv6' : 'ipv4');
}

export interface UrlCheckOptions {
  /** Hosts or addresses allowed even though private (CENTINELA_URL_CHECK_ALLOW), e.g. a test fixture. */
  allowHosts?: readonly string[];
  maxRedirects?: number;
  timeoutMs?: number;
  now?: () => Date;
  resolve?: (host: string) => Promise<string[]>;
}

/** 404, 410 and 451 mean the content is gone; 2xx that it is present; anything else is undecided. */
function stateOf(status: number): UrlCheckResult['state'] {
  if (status === 404 || status === 410 || status === 451) return 'gone';
  if (status >= 200 && status < 300) return 'present';
  return 'error';
}

/**
 * The default checker: HEAD (GET when HEAD is not allowed), redirects followed by hand so every hop's address
 * is checked, private and loopback addresses refused unless allow-listed, URLs with credentials refused.
 * Known limit: the address is checked at lookup and fetch resolves again (a DNS rebinding window), which the
 * crawler's safeFetch closes by pinning the address.
 */
export function createUrlChecker(opts: UrlCheckOptions = {}): UrlChecker {
  const allow = new Set((opts.allowHosts ?? []).map((h) => h.toLowerCase()));
  const now = opts.now ?? (() => new Date());
  const resolve = opts.resolve ?? (async (h: string) => (await lookup(h, { all: true })).map((a) => a.address));
  const maxRedirects = opts.maxRedirects ?? 5;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return async (raw) => {
    const result = (state: UrlCheckResult['state'], httpStatus: number | null, reason?: string): UrlCheckResult => ({
      state,
      httpStatus,
      checkedAt: now().toISOString(),
      ...(reason ? { reason } : {}),
    });
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return result('error', null, 'invalid_url');
    }
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return result('error', null, 'scheme');
      if (url.username || url.password) return result('error', null, 'credentials');
      const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
      if (!allow.has(host)) {
        let addresses: string[];
        try {
          addresses = isIP(host) ? [host] : await resolve(host);
        } catch {
          return result('error', null, 'dns');
        }
        if (addresses.length === 0) return result('error', null, 'dns');
        if (addresses.some((a) => isPrivateAddress(a) && !allow.has(a))) return result('error', null, 'private_address');
      }
      let res: Response;
      try {
        res = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Centinela-Recheck/1' } });
        if (res.status === 405 || res.status === 501) {
          res = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Centinela-Recheck/1' } });
          await res.body?.cancel();
        }
      } catch {
        return result('error', null, 'network');
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        try {
          url = new URL(res.headers.get('location')!, url);
        } catch {
          return result('error', res.status, 'bad_redirect');
        }
        continue;
      }
      return result(stateOf(res.status), res.status);
    }
    return result('error', null, 'too_many_redirects');
  };
}
