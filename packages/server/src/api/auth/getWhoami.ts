import { API_KEY_SCOPES, ROLES } from '@centinela/core';
import { z } from 'zod';
import type { Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { roleSchema, scopeSchema } from '../schemas.js';

/** Lets a partner check its API key (and a user its roles) without touching any data. */
export const getWhoami: Endpoint = (app) => {
  app.get(
    '/api/v1/whoami',
    {
      config: { access: { roles: ROLES, apiKeyScopes: API_KEY_SCOPES } },
      schema: {
        tags: ['auth'],
        summary: 'Who the caller is: a user with roles, or an API key with scopes',
        response: {
          200: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('user'), id: z.string(), roles: z.array(roleSchema) }),
            z.object({ kind: z.literal('apiKey'), id: z.string(), scopes: z.array(scopeSchema) }),
          ]),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const p = request.principal!;
      return p.kind === 'user'
        ? { kind: 'user' as const, id: p.userId, roles: [...p.roles] }
        : { kind: 'apiKey' as const, id: p.apiKeyId, scopes: [...p.scopes] };
    },
  );
};
