import { z } from 'zod';
import { createBank } from '../../services/bankService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { humanText } from '../schemas.js';
import { bankNameSchema, bankSchema } from './schemas.js';

const body = z.strictObject({
  name: bankNameSchema,
  description: humanText(1000).nullable().optional(),
  enabled: z.boolean().optional(),
  quarantineOnMatch: z.boolean().optional(),
});

export const createBankEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/banks',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['banks'],
        summary: 'Create an empty hash bank',
        body,
        response: { 201: z.object({ bank: bankSchema }), ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send({ bank: await createBank(ctx.deps, actorOf(request), request.body) }),
  );
};
