import { deleteBank } from '../../services/bankService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { z } from 'zod';

export const deleteBankEndpoint: Endpoint = (app, ctx) => {
  app.delete(
    '/api/v1/banks/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['banks'],
        summary: 'Delete a hash bank and all its entries',
        params: idParams,
        response: { 204: z.null(), ...commonErrors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await deleteBank(ctx.deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
