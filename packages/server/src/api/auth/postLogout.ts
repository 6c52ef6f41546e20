import { z } from 'zod';
import { signOut } from '../../services/sessionService.js';
import { actorOf, type Endpoint } from '../context.js';
import { SESSION_COOKIE } from '../plugins/authentication.js';
import { commonErrors } from '../problemSchema.js';

export const postLogout: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: { anyUser: true } },
      schema: { tags: ['auth'], summary: 'Sign out and end the session', response: { 204: z.null().describe('signed out'), ...commonErrors } },
    },
    async (request, reply) => {
      if (request.session) await signOut(ctx.deps, actorOf(request), request.session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};
