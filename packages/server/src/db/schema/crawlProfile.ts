/** A site profile: what to crawl and how to read it, as validated data (see docs/CRAWLER.md). */
export interface CrawlProfileTable {
  id: string;
  /** Unique, [a-z0-9-]: the name `centinela crawl start NAME` takes. */
  name: string;
  /** The validated profile as canonical JSON. */
  definition: string;
  /** Bumped on every change; runs remember the version they used. */
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}
