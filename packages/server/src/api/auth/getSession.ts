import { z } from 'zod';
import { csrfTokenFor } from '../../services/sessionService.js';
import { currentUser, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { userSchema } from '../schemas.js';

export const getSession: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/auth/session',
    {
      config: { access: { anyUser: true } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and the CSRF token for state-changing requests',
        response: { 200: z.object({ user: userSchema, csrfToken: z.string() }), ...commonErrors },
      },
    },
    async (request) => ({ user: currentUser(request), csrfToken: csrfTokenFor(ctx.deps, request.session!.token) }),
  );
};
