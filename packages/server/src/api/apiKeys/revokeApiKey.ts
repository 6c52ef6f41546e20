import { z } from 'zod';
import { revokeApiKey } from '../../services/apiKeyService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { apiKeySchema, idParams } from '../schemas.js';

export const revokeApiKeyEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/api-keys/:id/revoke',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key at once',
        params: idParams,
        response: { 200: z.object({ apiKey: apiKeySchema }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => ({ apiKey: await revokeApiKey(ctx.deps, actorOf(request), request.params.id) }),
  );
};
