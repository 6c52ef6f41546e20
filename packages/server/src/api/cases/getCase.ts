import { z } from 'zod';
import { getCase } from '../../services/cases/caseService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, caseViewSchema, viewerOf } from './schemas.js';

export const getCaseEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'One case, in full. Every read is written to the case’s access log and audited.',
        params: idParams,
        response: { 200: z.object({ case: caseViewSchema }), ...commonErrors, ...caseErrors },
      },
    },
    async (request) => ({ case: await getCase(ctx.deps, actorOf(request), viewerOf(request), request.params.id) }),
  );
};
