import { z } from 'zod';
import { casesLinkedTo } from '../../services/cases/caseLinks.js';
import { type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { CASE_ROLES, viewerOf } from './schemas.js';
import { target } from './linkSchemas.js';

export const casesLinkedToEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/case-links',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'The cases linked to an item, network or report — only those the caller may read',
        querystring: target,
        response: { 200: z.object({ caseIds: z.array(z.string()) }), ...commonErrors },
      },
    },
    async (request) => ({ caseIds: await casesLinkedTo(ctx.deps, viewerOf(request), request.query.type, request.query.id) }),
  );
};
