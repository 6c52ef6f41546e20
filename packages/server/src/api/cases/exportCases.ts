import { z } from 'zod';
import { exportCases } from '../../services/cases/caseTransfer.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { CASE_ROLES, viewerOf } from './schemas.js';

const query = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  identifying: z.enum(['true', 'false']).default('false').describe('include names, birth dates, contacts, addresses, documents and free text (every exported case is logged)'),
});

export const exportCasesEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/export',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'The caller’s visible cases as an HTCDS-shaped CSV or XLSX (one row per case). Identifying fields are left out unless identifying=true.',
        querystring: query,
        response: { 200: z.any(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const body = await exportCases(ctx.deps, actorOf(request), viewerOf(request), { format, includeIdentifying: request.query.identifying === 'true' });
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="cases-htcds.${format}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
