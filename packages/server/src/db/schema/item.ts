/** Where an item came from. */
export const ITEM_SOURCES = ['crawl', 'report', 'partner', 'import'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

/**
 * One captured piece of online content. Rows are immutable captures: a changed text at the same URL is a new
 * row (`previous_id` points at the version before), so earlier evidence is never overwritten.
 * Unique on (source, url, content_hash): re-importing the same capture is a no-op.
 */
export interface ItemTable {
  /** UUIDv7: sorts by creation. */
  id: string;
  source: ItemSource;
  /** '' when the capture has no URL: a NULL would never collide in the unique key, breaking idempotency. */
  url: string;
  /** Lower-case host without `www.`, from the URL unless given. */
  site: string | null;
  title: string | null;
  text: string;
  posted_at: string | null;
  captured_at: string;
  location_text: string | null;
  price_text: string | null;
  /** JSON array of strings (URLs or blob hashes of the item's images and videos). */
  media_refs: string;
  raw_capture_ref: string | null;
  /** SHA-256 hex of the normalised title and text. */
  content_hash: string;
  /** Default region (ISO 3166-1 alpha-2) for phone numbers written without a country code. */
  region: string | null;
  /** Who ingested it: `user:<id>`, `apiKey:<id>` or `cli`. */
  ingested_by: string;
  previous_id: string | null;
  /** The fields below stay null until the `analyze.item` job has run. */
  language: string | null;
  risk_score: number | null;
  /** JSON: the score breakdown (without spans; those are in item_indicator). */
  risk_breakdown: string | null;
  analysis_version: string | null;
  analysed_at: string | null;
  created_at: string;
  updated_at: string;
}
