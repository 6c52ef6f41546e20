import { createRequire } from 'node:module';

// robots-parser is CommonJS whose typings declare an ES default export; load it the CommonJS way.
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robot;

/** The token robots.txt rules name us by (the User-Agent's product name). */
export const ROBOTS_TOKEN = 'CentinelaCrawler';

/** How long a robots.txt answer is trusted: a day for real answers, five minutes after a server error. */
export const ROBOTS_TTL_MS = 24 * 3_600_000;
export const ROBOTS_ERROR_TTL_MS = 5 * 60_000;

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for us, in milliseconds, if the file sets one. */
  crawlDelayMs: number | null;
}

/**
 * Rules from a cached robots.txt answer (RFC 9309): 2xx → the file; 4xx → no rules (everything allowed);
 * 5xx or unreachable → everything disallowed until the next try.
 */
export function robotsRules(robotsUrl: string, status: number | null, text: string | null): RobotsRules {
  if (status !== null && status >= 400 && status < 500) return { isAllowed: () => true, crawlDelayMs: null };
  if (status === null || status >= 500 || text === null) return { isAllowed: () => false, crawlDelayMs: null };
  const robots = robotsParser(robotsUrl, text);
  const delay = robots.getCrawlDelay(ROBOTS_TOKEN);
  return {
    isAllowed: (url) => robots.isAllowed(url, ROBOTS_TOKEN) !== false,
    crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? Math.min(delay, 3600) * 1000 : null,
  };
}

/** Whether a cached answer must be fetched again. */
export function robotsStale(fetchedAt: string | null, status: number | null, now: Date): boolean {
  if (!fetchedAt) return true;
  const ttl = status === null || status >= 500 ? ROBOTS_ERROR_TTL_MS : ROBOTS_TTL_MS;
  return now.getTime() - new Date(fetchedAt).getTime() > ttl;
}

/** Sitemap <loc> URLs (urlset and sitemapindex alike), at most `max`. */
export function sitemapLocations(xml: string, max: number): string[] {
  const out: string[] = [];
  const re = /<loc>\s*([^<\s]+)\s*<\/loc>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && out.length < max) out.push(m[1]!.replace(/&amp;/g, '&'));
  return out;
}
