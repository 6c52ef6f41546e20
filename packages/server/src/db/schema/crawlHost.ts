/**
 * Politeness per host, shared by every worker: one lease holder at a time (`lease_holder`, `lease_until`),
 * and no request before `next_allowed_at`. robots.txt is cached here.
 */
export interface CrawlHostTable {
  /** `host[:port]`, lower case. */
  host: string;
  next_allowed_at: string;
  lease_holder: string | null;
  lease_until: string | null;
  robots_txt: string | null;
  robots_status: number | null;
  robots_fetched_at: string | null;
  /** Consecutive 429/503 answers: the backoff doubles with each. */
  backoff_level: number;
  updated_at: string;
}
