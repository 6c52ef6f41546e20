import { z } from 'zod';
import { removeCaseLink } from '../../services/cases/caseLinks.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';
import { target } from './linkSchemas.js';

export const removeCaseLinkEndpoint: Endpoint = (app, ctx) => {
  app.delete(
    '/api/v1/cases/:id/links',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Remove a link', params: idParams, body: target, response: { 204: z.null(), ...commonErrors, ...caseErrors } },
    },
    async (request, reply) => {
      await removeCaseLink(ctx.deps, actorOf(request), viewerOf(request), request.params.id, request.body.type, request.body.id);
      return reply.code(204).send(null);
    },
  );
};
