import { z } from 'zod';
import { listBanks } from '../../services/bankService.js';
import type { Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { bankSchema } from './schemas.js';

export const listBanksEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/banks',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['banks'],
        summary: 'List hash banks with their entry counts',
        response: { 200: z.object({ banks: z.array(bankSchema) }), ...commonErrors },
      },
    },
    async () => ({ banks: await listBanks(ctx.deps) }),
  );
};
