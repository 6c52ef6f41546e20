import { z } from 'zod';
import { blobStoreFor } from '../../blobs/blobStoreFor.js';
import { runCrawler } from '../../services/crawl/crawler.js';
import { CRAWL_RUN_TASK } from '../../services/crawl/runService.js';
import { enqueueInDb } from '../enqueueInDb.js';
import type { TaskDefinition } from '../queue.js';

const payload = z.strictObject({ runId: z.uuid(), slice: z.number().int().min(0).default(0), lane: z.number().int().min(0).max(63).default(0) });

/** How long one job crawls before handing over to a fresh job, so a long crawl never holds one job for hours. */
export const CRAWL_SLICE_MS = 60_000;

/**
 * Crawls one run for a time slice, then queues the next slice while work is left. Several lanes of one run can run
 * on several workers at once; the frontier's host leases keep them polite. Idempotent: the frontier records every
 * outcome, so a slice that runs again after a crash continues where the last recorded one stopped.
 */
export const crawlRunTask: TaskDefinition<z.output<typeof payload>> = {
  name: CRAWL_RUN_TASK,
  role: 'crawl',
  payload,
  maxAttempts: 10,
  async run({ runId, slice, lane }, { deps, workerId, signal }) {
    const result = await runCrawler(deps, blobStoreFor(deps), { workerId, runId, stopWhenIdle: true, maxMs: CRAWL_SLICE_MS, concurrency: 2, ...(signal ? { signal } : {}) });
    if (result.more) {
      await enqueueInDb(deps, CRAWL_RUN_TASK, { runId, slice: slice + 1, lane }, { jobKey: `${CRAWL_RUN_TASK}:${runId}:${lane}:${slice + 1}` });
    }
  },
};
