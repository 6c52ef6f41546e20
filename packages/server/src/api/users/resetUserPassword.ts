import { z } from 'zod';
import { resetPassword } from '../../services/userService.js';
import { Problem } from '../../services/problem.js';
import { actorOf, currentUser, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';

export const resetUserPasswordEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['users'],
        summary: 'Give a user a new generated password (returned once); lifts a lock-out and ends their sessions',
        params: idParams,
        response: { 200: z.object({ generatedPassword: z.string() }), ...commonErrors, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      // Your own password is changed with the current one (POST /auth/password), never reset.
      if (request.params.id === currentUser(request).id) {
        throw new Problem(409, 'user.reset_self', 'change your own password with POST /api/v1/auth/password');
      }
      return { generatedPassword: await resetPassword(ctx.deps, actorOf(request), request.params.id) };
    },
  );
};
