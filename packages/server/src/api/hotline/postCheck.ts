import { z } from 'zod';
import { checkSubject, defaultUrlChecker } from '../../services/hotline/removalService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';

export const postCheckEndpoint: Endpoint = (app, ctx) => {
  const checker = defaultUrlChecker(ctx.deps, ctx.blobs);
  app.post(
    '/api/v1/hotline/subjects/:id/check',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['hotline'],
        summary: 'Re-check the subject’s URL now (the crawler’s safe GET, redirects checked hop by hop, private addresses refused, the answer kept as evidence). A first `gone` records the removal time.',
        params: idParams,
        response: {
          200: z.object({ state: z.enum(['present', 'gone', 'error']), httpStatus: z.number().nullable(), checkedAt: z.string(), reason: z.string().optional(), removed: z.boolean() }),
          ...commonErrors,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => checkSubject(ctx.deps, actorOf(request), request.params.id, checker),
  );
};
