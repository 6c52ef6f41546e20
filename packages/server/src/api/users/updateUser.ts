import { z } from 'zod';
import { updateUser } from '../../services/userService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { humanText, idParams, roleSchema, userSchema } from '../schemas.js';

const body = z
  .strictObject({
    displayName: humanText(120).optional(),
    roles: z.array(roleSchema).min(1).max(5).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const updateUserEndpoint: Endpoint = (app, ctx) => {
  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['users'],
        summary: 'Change a user’s name, roles, or disable/enable the account (disabling ends its sessions)',
        params: idParams,
        body,
        response: { 200: z.object({ user: userSchema }), ...commonErrors, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => ({ user: await updateUser(ctx.deps, actorOf(request), request.params.id, request.body) }),
  );
};
