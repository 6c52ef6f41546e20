import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../auth/password.js';
import { changeOwnPassword } from '../../services/userService.js';
import { actorOf, currentUser, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';

const body = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(1024),
});

export const postPassword: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/auth/password',
    {
      config: { access: { anyUser: true } },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; your other sessions are signed out',
        body,
        response: { 204: z.null().describe('changed'), ...commonErrors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx.deps, actorOf(request), {
        userId: currentUser(request).id,
        sessionId: request.session!.id,
        ...request.body,
      });
      return reply.code(204).send(null);
    },
  );
};
