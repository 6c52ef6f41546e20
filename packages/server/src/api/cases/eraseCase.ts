import { z } from 'zod';
import { eraseCase } from '../../services/cases/caseService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';

const body = z.strictObject({ reason: z.enum(['erasure_request', 'entered_in_error']) });

export const eraseCaseEndpoint: Endpoint = (app, ctx) => {
  app.delete(
    '/api/v1/cases/:id',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'Right to erasure: delete the case and everything about its person (owner or team supervisor). The audit chain keeps that it happened.',
        params: idParams,
        body,
        response: { 204: z.null(), ...commonErrors, ...caseErrors },
      },
    },
    async (request, reply) => {
      await eraseCase(ctx.deps, actorOf(request), viewerOf(request), request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );
};
