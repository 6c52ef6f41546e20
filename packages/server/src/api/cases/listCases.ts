import { z } from 'zod';
import { listCases } from '../../services/cases/caseService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { CASE_ROLES, caseSummarySchema, viewerOf } from './schemas.js';

const query = z.strictObject({
  names: z.enum(['true', 'false']).optional().describe('show names (each case whose name is shown is written to its access log)'),
  status: z.enum(['Active', 'FollowUp', 'Closed', 'ClosedReferred']).optional(),
});

export const listCasesEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'Cases the caller may see (own, shared, and the team’s for supervisors). Names are hidden unless names=true.',
        querystring: query,
        response: { 200: z.object({ cases: z.array(caseSummarySchema) }), ...commonErrors },
      },
    },
    async (request) => ({
      cases: await listCases(ctx.deps, actorOf(request), viewerOf(request), { showNames: request.query.names === 'true', status: request.query.status }),
    }),
  );
};
