import { z } from 'zod';
import { CRAWL_RUN_TASK, listRuns, startRun } from '../../services/crawl/runService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { crawlRunSchema } from './schemas.js';

const body = z.strictObject({
  profile: z.string().min(1).max(63),
  workers: z.number().int().min(1).max(16).default(1).describe('jobs that crawl this run at once (on PostgreSQL, across worker processes)'),
});

export const startCrawlRunEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/crawl/runs',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['crawl'],
        summary: "Start a profile's crawl (a recrawl when the profile has crawled before), or return its active run. The crawling is done by workers with the `crawl` role.",
        body,
        response: { 200: z.object({ run: crawlRunSchema, resumed: z.boolean() }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => {
      const { run, resumed } = await startRun(ctx.deps, actorOf(request), request.body.profile);
      // Also for an active run: whoever crawled it may have stopped (a foreground CLI crawl); extra lanes are harmless.
      const key = resumed ? `:again:${Date.now()}` : '';
      for (let lane = 0; lane < request.body.workers; lane++) {
        await ctx.queue.enqueue(CRAWL_RUN_TASK, { runId: run.id, slice: 0, lane }, { jobKey: `${CRAWL_RUN_TASK}:${run.id}:${lane}:0${key}` });
      }
      const [progress] = await listRuns(ctx.deps, { runId: run.id });
      return { run: progress!, resumed };
    },
  );
};
