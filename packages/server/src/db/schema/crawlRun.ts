export const CRAWL_RUN_STATUSES = ['running', 'paused', 'done', 'cancelled'] as const;
export type CrawlRunStatus = (typeof CRAWL_RUN_STATUSES)[number];

/** One crawl of a profile. Its progress is counted from its frontier rows, so it never drifts from them. */
export interface CrawlRunTable {
  id: string;
  profile_id: string;
  profile_version: number;
  /** The profile as it was when the run started (canonical JSON): a later edit does not change a running crawl. */
  profile_definition: string;
  status: CrawlRunStatus;
  /** `crawl` seeds the start URLs; `recrawl` also revisits every page the profile has seen, to notice removals. */
  kind: 'crawl' | 'recrawl';
  /** Rows in the run's frontier: the page budget is checked against it (kept with the rows, under the run row's lock). */
  url_count: number;
  started_by: string;
  started_at: string;
  finished_at: string | null;
  updated_at: string;
}
