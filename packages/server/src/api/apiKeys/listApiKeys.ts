import { z } from 'zod';
import { listApiKeys } from '../../services/apiKeyService.js';
import type { Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { apiKeySchema } from '../schemas.js';

export const listApiKeysEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/api-keys',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['api-keys'], summary: 'Partner API keys (never their secrets)', response: { 200: z.object({ apiKeys: z.array(apiKeySchema) }), ...commonErrors } },
    },
    async () => ({ apiKeys: await listApiKeys(ctx.deps) }),
  );
};
