import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../auth/password.js';
import { createUser } from '../../services/userService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { emailSchema, humanText, roleSchema, userSchema } from '../schemas.js';

const body = z.strictObject({
  email: emailSchema,
  displayName: humanText(120),
  roles: z.array(roleSchema).min(1).max(5),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(1024).optional(),
  locale: z.enum(['es', 'en']).optional(),
});

export const createUserEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/users',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['users'],
        summary: 'Create a user; without a password one is generated and returned once',
        body,
        response: { 201: z.object({ user: userSchema, generatedPassword: z.string().optional() }), ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(ctx.deps, actorOf(request), request.body)),
  );
};
