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
        summary: 'The bytes of one reported file, for a reviewer who chose to reveal it. Every read is audited; never cached.',
        params: idParams,
        response: { 200: z.unknown().describe('the file bytes'), ...commonErrors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { bytes, mime } = await readMedia(ctx.deps, ctx.blobs, actorOf(request), request.params.id);
      return reply.header('content-type', mime).header('cache-control', 'no-store').header('content-disposition', 'inline').header('x-content-type-options', 'nosniff').send(bytes);
    },
  );
};
