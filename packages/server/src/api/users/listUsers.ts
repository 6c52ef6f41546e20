import { z } from 'zod';
import { listUsers } from '../../services/userService.js';
import type { Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { userSchema } from '../schemas.js';

export const listUsersEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/users',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['users'], summary: 'All user accounts', response: { 200: z.object({ users: z.array(userSchema) }), ...commonErrors } },
    },
    async () => ({ users: await listUsers(ctx.deps) }),
  );
};
