import { z } from 'zod';
import { setEntryEnabled } from '../../services/bankService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { bankEntrySchema, entryParams } from './schemas.js';

const body = z.strictObject({ enabled: z.boolean() });

export const updateBankEntryEndpoint: Endpoint = (app, ctx) => {
  app.patch(
    '/api/v1/banks/:id/entries/:entryId',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['banks'],
        summary: 'Enable or disable one bank entry (a disabled entry is kept but never matched)',
        params: entryParams,
        body,
        response: { 200: z.object({ entry: bankEntrySchema }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => ({
      entry: await setEntryEnabled(ctx.deps, actorOf(request), request.params.id, request.params.entryId, request.body.enabled),
    }),
  );
};
