import { z } from 'zod';
import { updateBank } from '../../services/bankService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { humanText, idParams } from '../schemas.js';
import { bankNameSchema, bankSchema } from './schemas.js';

const body = z
  .strictObject({
    name: bankNameSchema.optional(),
    description: humanText(1000).nullable().optional(),
    enabled: z.boolean().optional(),
    quarantineOnMatch: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const updateBankEndpoint: Endpoint = (app, ctx) => {
  app.patch(
    '/api/v1/banks/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['banks'],
        summary: 'Rename, describe, or enable/disable a hash bank (matchers pick the change up without a restart)',
        params: idParams,
        body,
        response: { 200: z.object({ bank: bankSchema }), ...commonErrors, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => ({ bank: await updateBank(ctx.deps, actorOf(request), request.params.id, request.body) }),
  );
};
