/**
 * What the crawler knows about a URL across runs of one profile: validators for conditional requests, the
 * item it produced, and when it was first seen gone (404/410 or dropped from its listing) — removal evidence.
 */
export interface CrawlPageTable {
  id: string;
  profile_id: string;
  url: string;
  url_hash: string;
  first_seen_at: string;
  last_seen_at: string;
  last_checked_at: string;
  last_status: number | null;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  item_id: string | null;
  /** First time the page was seen gone; null while present. Cleared if it comes back. */
  gone_at: string | null;
  /** `http_404`, `http_410`, `delisted`. */
  gone_reason: string | null;
}
