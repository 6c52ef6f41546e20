import { z } from 'zod';
import { shareCase } from '../../services/cases/caseService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';

const body = z.strictObject({ userId: z.uuid() });

export const shareCaseEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/cases/:id/shares',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Share a case with another caseworker (owner or team supervisor)', params: idParams, body, response: { 204: z.null(), ...commonErrors, ...caseErrors } },
    },
    async (request, reply) => {
      await shareCase(ctx.deps, actorOf(request), viewerOf(request), request.params.id, request.body.userId);
      return reply.code(204).send(null);
    },
  );
};
