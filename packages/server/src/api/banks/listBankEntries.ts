import { z } from 'zod';
import { listEntries } from '../../services/bankService.js';
import type { Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { bankEntrySchema, signalTypeSchema } from './schemas.js';

const query = z.strictObject({
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  signalType: signalTypeSchema.optional(),
});

export const listBankEntriesEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/banks/:id/entries',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['banks'],
        summary: 'Entries of a bank in id order; pass `next` as `after` for the following page',
        params: idParams,
        querystring: query,
        response: { 200: z.object({ entries: z.array(bankEntrySchema), next: z.string().nullable() }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => listEntries(ctx.deps, request.params.id, request.query),
  );
};
