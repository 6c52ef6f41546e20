import { z } from 'zod';
import { CRAWL_RUN_TASK, listRuns, setRunStatus } from '../../services/crawl/runService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { crawlRunSchema } from './schemas.js';

const body = z.strictObject({ status: z.enum(['running', 'paused', 'cancelled']).describe('running resumes a paused run') });

export const updateCrawlRunEndpoint: Endpoint = (app, ctx) => {
  app.patch(
    '/api/v1/crawl/runs/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['crawl'],
        summary: 'Pause, resume or cancel a crawl run',
        params: idParams,
        body,
        response: { 200: z.object({ run: crawlRunSchema }), ...commonErrors, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      const before = await listRuns(ctx.deps, { runId: request.params.id });
      const run = await setRunStatus(ctx.deps, actorOf(request), request.params.id, request.body.status);
      if (request.body.status === 'running' && before[0]?.status === 'paused') {
        await ctx.queue.enqueue(CRAWL_RUN_TASK, { runId: run.id, slice: 0, lane: 0 }, { jobKey: `${CRAWL_RUN_TASK}:${run.id}:resume:${Date.now()}` });
      }
      const [progress] = await listRuns(ctx.deps, { runId: run.id });
      return { run: progress! };
    },
  );
};
