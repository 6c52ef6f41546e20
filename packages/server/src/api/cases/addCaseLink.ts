import { z } from 'zod';
import { addCaseLink } from '../../services/cases/caseLinks.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';
import { linkSchema, target } from './linkSchemas.js';

export const addCaseLinkEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/cases/:id/links',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Link the case to an item (checked), a network or a report', params: idParams, body: target, response: { 201: z.object({ link: linkSchema }), ...commonErrors, ...caseErrors } },
    },
    async (request, reply) => reply.code(201).send({ link: await addCaseLink(ctx.deps, actorOf(request), viewerOf(request), request.params.id, request.body.type, request.body.id) }),
  );
};
