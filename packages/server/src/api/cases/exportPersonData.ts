import { z } from 'zod';
import { exportPersonData } from '../../services/cases/caseService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';

export const exportPersonDataEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/:id/person-data',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'Everything stored about the person of a case, in clear, for a subject access request (owner or team supervisor; logged and audited).',
        params: idParams,
        response: { 200: z.record(z.string(), z.unknown()), ...commonErrors, ...caseErrors },
      },
    },
    async (request, reply) => {
      const data = await exportPersonData(ctx.deps, actorOf(request), viewerOf(request), request.params.id);
      return reply.header('content-disposition', `attachment; filename="person-data-${request.params.id}.json"`).header('cache-control', 'no-store').send(data);
    },
  );
};
