import { z } from 'zod';
import { importCases, MAX_IMPORT_ROWS } from '../../services/cases/caseTransfer.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';

const body = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  content: z.string().min(1).describe('the CSV text, or the XLSX file in base64'),
});

export const importCasesEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/cases/import',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      bodyLimit: ctx.config.uploadLimitBytes,
      schema: {
        tags: ['cases'],
        summary: `Import up to ${MAX_IMPORT_ROWS} cases from an HTCDS-shaped CSV or XLSX, all or nothing: 422 import.invalid lists every problem with its line, column, stable code and allowed values.`,
        body,
        response: { 201: z.object({ imported: z.number().int(), ids: z.array(z.string()) }), ...commonErrors, ...caseErrors, 413: problemSchema },
      },
    },
    async (request, reply) => {
      const content = request.body.format === 'csv' ? Buffer.from(request.body.content, 'utf8') : Buffer.from(request.body.content, 'base64');
      return reply.code(201).send(await importCases(ctx.deps, actorOf(request), viewerOf(request), { format: request.body.format, content }));
    },
  );
};
