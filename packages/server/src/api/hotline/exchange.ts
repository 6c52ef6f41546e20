import { z } from 'zod';
import { exchangeCsv, exchangeJson, exchangeStamp, exportExchange, importExchange } from '../../services/hotline/exchange.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';

export const exportExchangeEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/hotline/exchange',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['hotline'],
        summary: 'Confirmed URLs (CSAM, trafficking) with classification, for another hotline: CSV (default) or JSON (docs/HOTLINE.md). Removed ones only with includeRemoved=true.',
        querystring: z.strictObject({ format: z.enum(['csv', 'json']).default('csv'), includeRemoved: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.string(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const entries = await exportExchange(ctx.deps, actorOf(request), { includeRemoved: request.query.includeRemoved === 'true' });
      if (request.query.format === 'json') return reply.header('content-type', 'application/json; charset=utf-8').send(exchangeJson(entries, ctx.config.hotlineName, exchangeStamp(ctx.deps)));
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="hotline-exchange.csv"').send(exchangeCsv(entries));
    },
  );
};

export const importExchangeEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/exchange',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['hotline'],
        summary: 'Import confirmed URLs from another hotline (the CSV or JSON of GET /hotline/exchange). Each becomes a partner report to assess here. All or nothing.',
        body: z.strictObject({ from: z.string().min(1).max(100), data: z.string().min(1).max(10_000_000) }),
        response: { 200: z.object({ read: z.number().int(), newSubjects: z.number().int() }), ...commonErrors, 413: problemSchema, 422: problemSchema },
      },
    },
    async (request) => importExchange(ctx.deps, actorOf(request), request.body.data, request.body.from),
  );
};
