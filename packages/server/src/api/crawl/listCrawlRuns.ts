import { z } from 'zod';
import { listRuns } from '../../services/crawl/runService.js';
import type { Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { crawlRunSchema } from './schemas.js';

const query = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export const listCrawlRunsEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/crawl/runs',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: { tags: ['crawl'], summary: 'Crawl runs, newest first, with live progress counted from the frontier', querystring: query, response: { 200: z.object({ runs: z.array(crawlRunSchema) }), ...commonErrors } },
    },
    async (request) => ({ runs: await listRuns(ctx.deps, { limit: request.query.limit }) }),
  );
};
