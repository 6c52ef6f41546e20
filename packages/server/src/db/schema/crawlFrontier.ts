export const FRONTIER_STATUSES = ['queued', 'fetching', 'done', 'failed', 'skipped'] as const;
export type FrontierStatus = (typeof FRONTIER_STATUSES)[number];

/**
 * One URL of one run. Unique by (run, canonical URL hash): a URL is fetched once per run. A claimed row is
 * `fetching` under a lease (`locked_by`, `lease_until`); a dead worker's rows return to `queued`.
 */
export interface CrawlFrontierTable {
  id: string;
  run_id: string;
  url: string;
  /** SHA-256 of the canonical URL: the unique key (URLs are too long for a portable unique index). */
  url_hash: string;
  host: string;
  /** `page` (extract links and fields), `sitemap`, or `image` (hash and match). */
  kind: 'page' | 'sitemap' | 'image';
  depth: number;
  priority: number;
  /** For images: the item whose page showed them. */
  item_id: string | null;
  /** 1 when a link in this run pointed here; a recrawl re-seeds known pages with 0 (to notice delisted ads). */
  via_link: number;
  status: FrontierStatus;
  next_fetch_at: string;
  attempts: number;
  locked_by: string | null;
  lease_until: string | null;
  http_status: number | null;
  /** SHA-256 of the decoded body; a second URL with the same content is not parsed again. */
  content_hash: string | null;
  capture_id: string | null;
  /** Why it failed or was skipped: a stable code (`robots.disallowed`, `fetch.too_large`, `duplicate_content`, …). */
  error_code: string | null;
  fetched_at: string | null;
  created_at: string;
}
