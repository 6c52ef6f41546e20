import { z } from 'zod';
import { listCaseLinks } from '../../services/cases/caseLinks.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';
import { linkSchema } from './linkSchemas.js';

export const listCaseLinksEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/:id/links',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Items, networks and reports the case refers to', params: idParams, response: { 200: z.object({ links: z.array(linkSchema) }), ...commonErrors, ...caseErrors } },
    },
    async (request) => ({ links: await listCaseLinks(ctx.deps, viewerOf(request), request.params.id, actorOf(request)) }),
  );
};
