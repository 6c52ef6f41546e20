// Crawler and evidence calls (`/api/v1/crawl/*`, `/api/v1/evidence/*`).
import { request, requestFile } from './client';

export interface CrawlProfile {
  id: string;
  name: string;
  version: number;
  description: string | null;
  startUrls: string[];
  sitemaps: string[];
  render: 'static' | 'javascript';
  recrawlEveryHours: number | null;
  maxPages: number;
  maxDepth: number;
  delayMs: number;
  createdAt: string;
  updatedAt: string;
}

export type CrawlRunStatus = 'running' | 'paused' | 'done' | 'cancelled';

export interface CrawlRun {
  id: string;
  profileId: string;
  profileName: string;
  profileVersion: number;
  kind: 'crawl' | 'recrawl';
  status: CrawlRunStatus;
  startedAt: string;
  finishedAt: string | null;
  queued: number;
  fetching: number;
  fetched: number;
  errors: number;
  skipped: number;
  itemsFound: number;
  captures: number;
}

export interface CrawlCapture {
  id: string;
  runId: string | null;
  kind: string;
  url: string;
  finalUrl: string;
  httpStatus: number | null;
  contentType: string | null;
  warcSha256: string;
  warcSize: number;
  itemId: string | null;
  crawlerVersion: string;
  capturedAt: string;
}

export async function listCrawlProfiles(): Promise<CrawlProfile[]> {
  return (await request<{ profiles: CrawlProfile[] }>('GET', '/crawl/profiles')).profiles;
}

export function saveCrawlProfile(source: string): Promise<{ profile: CrawlProfile; created: boolean }> {
  return request('POST', '/crawl/profiles', { body: { source } });
}

export async function listCrawlRuns(limit = 20): Promise<CrawlRun[]> {
  return (await request<{ runs: CrawlRun[] }>('GET', `/crawl/runs?limit=${limit}`)).runs;
}

export function startCrawlRun(profile: string): Promise<{ run: CrawlRun; resumed: boolean }> {
  return request('POST', '/crawl/runs', { body: { profile } });
}

export async function updateCrawlRun(id: string, status: 'running' | 'paused' | 'cancelled'): Promise<CrawlRun> {
  return (await request<{ run: CrawlRun }>('PATCH', `/crawl/runs/${encodeURIComponent(id)}`, { body: { status } })).run;
}

export async function listCaptures(limit = 25): Promise<CrawlCapture[]> {
  return (await request<{ captures: CrawlCapture[] }>('GET', `/crawl/captures?limit=${limit}`)).captures;
}

/** The evidence package (tar: WARCs, manifest, summary) of some items, e.g. every ad of a network. Audited. */
export function exportEvidencePackage(input: { itemIds: string[]; language: 'es' | 'en'; label?: string; purpose?: string; legalBasis?: string }) {
  return requestFile('/evidence/exports', input);
}
