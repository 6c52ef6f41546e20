import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importEntries } from '../../services/bankService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { humanText, idParams } from '../schemas.js';
import { bankFormatSchema, importReportSchema } from './schemas.js';

/** The refusal of a file with invalid lines carries the report, so the caller sees every bad line. */
const importRejectedSchema = problemSchema.extend({ report: importReportSchema.optional() });

const query = z.strictObject({
  /** Defaults to `csv` for a text/csv body and `lines` otherwise. */
  format: bankFormatSchema.optional(),
  skipInvalid: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  category: humanText(64).optional(),
  source: humanText(200).optional(),
});

export const importBankEndpoint: Endpoint = (app, ctx) => {
  // Its own scope: a text/csv parser, and a body limit as large as an upload.
  void app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/banks/:id/import',
      {
        config: { access: { roles: ['admin'] } },
        bodyLimit: ctx.config.uploadLimitBytes,
        schema: {
          tags: ['banks'],
          summary:
            'Import hashes from a text/plain or text/csv body (formats: lines, csv, te). All or nothing: any invalid line rejects the file with 422 and its line numbers, unless skipInvalid=true.',
          params: idParams,
          querystring: query,
          consumes: ['text/plain', 'text/csv'],
          body: z.string().describe('the file: one hash per line, CSV hash,category,source,note, or ThreatExchange pdq hash,quality,id'),
          response: { 200: z.object({ report: importReportSchema }), ...commonErrors, 404: problemSchema, 413: problemSchema, 422: importRejectedSchema },
        },
      },
      async (request) => {
        const csv = (request.headers['content-type'] ?? '').toLowerCase().startsWith('text/csv');
        const report = await importEntries(ctx.deps, actorOf(request), request.params.id, request.body, {
          format: request.query.format ?? (csv ? 'csv' : 'lines'),
          skipInvalid: request.query.skipInvalid,
          category: request.query.category,
          source: request.query.source,
        });
        return { report };
      },
    );
  });
};
