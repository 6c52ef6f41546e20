/**
 * One piece of evidence: a WARC/1.1 file (request and response records of every hop) sealed in the blob store
 * at `warc_sha256`. Rows are never updated.
 */
export interface CrawlCaptureTable {
  id: string;
  run_id: string | null;
  profile_id: string | null;
  profile_version: number | null;
  /** `page`, `image`, `robots`, `sitemap`, `recheck`. */
  kind: string;
  url: string;
  final_url: string;
  http_status: number | null;
  content_type: string | null;
  warc_sha256: string;
  warc_size: number;
  /** SHA-256 of the final response body as received. */
  payload_sha256: string | null;
  item_id: string | null;
  crawler_version: string;
  captured_at: string;
}
