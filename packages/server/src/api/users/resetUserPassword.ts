import { z } from 'zod';
import { resetPassword } from '../../services/userService.js';
import { actorOf, type Endpoint } from '../context.js';
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
        response: { 200: z.object({ generatedPassword: z.string() }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => ({ generatedPassword: await resetPassword(ctx.deps, actorOf(request), request.params.id) }),
  );
};
