import { z } from 'zod';
import { createApiKey } from '../../services/apiKeyService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { apiKeySchema, humanText, scopeSchema } from '../schemas.js';

const body = z.strictObject({ name: humanText(120), scopes: z.array(scopeSchema).min(1).max(10) });

export const createApiKeyEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/api-keys',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['api-keys'],
        summary: 'Create a scoped API key for a partner; the secret is in this response only',
        body,
        response: { 201: z.object({ apiKey: apiKeySchema, secret: z.string() }), ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiKey(ctx.deps, actorOf(request), request.body)),
  );
};
