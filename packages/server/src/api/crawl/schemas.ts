import { z } from 'zod';
import type { StoredProfile } from '../../services/crawl/profileService.js';

export const crawlProfileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    description: z.string().nullable(),
    startUrls: z.array(z.string()),
    sitemaps: z.array(z.string()),
    render: z.enum(['static', 'javascript']),
    recrawlEveryHours: z.number().nullable(),
    maxPages: z.number().int(),
    maxDepth: z.number().int(),
    delayMs: z.number().int(),
    /** The whole validated profile, as stored. */
    definition: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CrawlProfile' });

export function presentProfile(p: StoredProfile): z.infer<typeof crawlProfileSchema> {
  return {
    id: p.id,
    name: p.name,
    version: p.version,
    description: p.profile.description ?? null,
    startUrls: p.profile.startUrls,
    sitemaps: p.profile.sitemaps,
    render: p.profile.render,
    recrawlEveryHours: p.profile.recrawl?.everyHours ?? null,
    maxPages: p.profile.limits.maxPages,
    maxDepth: p.profile.limits.maxDepth,
    delayMs: p.profile.politeness.delayMs,
    definition: p.profile as unknown as Record<string, unknown>,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export const crawlRunSchema = z
  .object({
    id: z.string(),
    profileId: z.string(),
    profileName: z.string(),
    profileVersion: z.number().int(),
    kind: z.enum(['crawl', 'recrawl']),
    status: z.enum(['running', 'paused', 'done', 'cancelled']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    queued: z.number().int(),
    fetching: z.number().int(),
    fetched: z.number().int(),
    errors: z.number().int(),
    skipped: z.number().int(),
    itemsFound: z.number().int(),
    captures: z.number().int(),
  })
  .meta({ id: 'CrawlRun' });

export const captureSchema = z
  .object({
    id: z.string(),
    runId: z.string().nullable(),
    kind: z.string(),
    url: z.string(),
    finalUrl: z.string(),
    httpStatus: z.number().int().nullable(),
    contentType: z.string().nullable(),
    warcSha256: z.string(),
    warcSize: z.number().int(),
    itemId: z.string().nullable(),
    crawlerVersion: z.string(),
    capturedAt: z.string(),
  })
  .meta({ id: 'CrawlCapture' });
