import { z } from 'zod';
import { getBank } from '../../services/bankService.js';
import type { Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { bankSchema } from './schemas.js';

export const getBankEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/banks/:id',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['banks'],
        summary: 'One hash bank',
        params: idParams,
        response: { 200: z.object({ bank: bankSchema }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => ({ bank: await getBank(ctx.deps, request.params.id) }),
  );
};
