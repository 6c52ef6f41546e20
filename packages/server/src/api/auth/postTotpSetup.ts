import { z } from 'zod';
import { beginTotpSetup } from '../../services/sessionService.js';
import { actorOf, currentUser, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';

export const postTotpSetup: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/auth/totp/setup',
    {
      config: { access: { anyUser: true } },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up a TOTP second factor; confirm it with /totp/enable',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }), ...commonErrors, 409: problemSchema },
      },
    },
    async (request) => beginTotpSetup(ctx.deps, actorOf(request), currentUser(request).id),
  );
};
