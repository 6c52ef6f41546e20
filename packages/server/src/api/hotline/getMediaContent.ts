import { z } from 'zod';
import { readMedia } from '../../services/hotline/reviewService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';

export const getMediaContentEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/hotline/media/:id/content',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['hotline'],
        summary: 'One reported file: `view=blurred` is a small greyscale blurred JPEG made on the server (the default in the review screen); `view=full` the original bytes, for a reviewer who chose to reveal it. Every read is audited; never cached.',
        params: idParams,
        querystring: z.strictObject({ view: z.enum(['blurred', 'full']).default('full') }),
        response: { 200: z.unknown().describe('the file bytes'), ...commonErrors, 404: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const { bytes, mime } = await readMedia(ctx.deps, ctx.blobs, actorOf(request), request.params.id, request.query.view);
      return reply.header('content-type', mime).header('cache-control', 'no-store').header('content-disposition', 'inline').header('x-content-type-options', 'nosniff').send(bytes);
    },
  );
};
