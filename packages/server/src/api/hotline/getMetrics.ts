import { z } from 'zod';
import { hotlineMetrics, metricsCsv } from '../../services/hotline/metricsService.js';
import { countsByStatus } from '../../services/hotline/triageService.js';
import type { Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { metricsSchema, rangeQuery } from './schemas.js';

export const getMetricsEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/hotline/metrics',
    {
      config: { access: { roles: ['admin', 'analyst', 'investigator', 'statistician'] } },
      schema: {
        tags: ['hotline'],
        summary:
          'Time from first report to assessment, to first notice and to verified removal (and notice → removal): median and 90th percentile, overall, per provider, per country and per month; counts by state. Aggregates only. `format=csv` for a spreadsheet.',
        querystring: z.strictObject({ ...rangeQuery, format: z.enum(['json', 'csv']).default('json') }),
        response: { 200: metricsSchema.or(z.string()), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const metrics = await hotlineMetrics(ctx.deps, { from, to });
      if (format === 'csv') {
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="hotline-metrics.csv"').send(metricsCsv(metrics));
      }
      return { ...metrics, counts: await countsByStatus(ctx.deps) };
    },
  );
};
