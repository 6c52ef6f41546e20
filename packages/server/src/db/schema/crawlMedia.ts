/** An image downloaded from a crawled item: its hashes (never the pixels outside the WARC) and bank matches. */
export interface CrawlMediaTable {
  id: string;
  item_id: string;
  capture_id: string;
  url: string;
  sha256: string;
  pdq: string | null;
  quality: number | null;
  /** `matched`, `no_match`, `low_quality`, `undecodable`. */
  match_status: string;
  /** JSON array of { bankId, entryId, distance } — ids and distances only. */
  matches: string;
  created_at: string;
}
