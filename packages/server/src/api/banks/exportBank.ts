import { Readable } from 'node:stream';
import { z } from 'zod';
import { appendAudit } from '../../services/auditService.js';
import { exportEntries, getBank } from '../../services/bankService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { bankFormatSchema } from './schemas.js';

const query = z.strictObject({ format: bankFormatSchema.default('csv') });

export const exportBankEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/banks/:id/export',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['banks'],
        summary: 'Download a bank as lines, csv or te (te carries PDQ entries only); the import reads it back',
        params: idParams,
        querystring: query,
        produces: ['text/plain', 'text/csv'],
        response: { 200: z.string().describe('the bank file'), ...commonErrors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const bank = await getBank(ctx.deps, request.params.id);
      await appendAudit(ctx.deps, actorOf(request), { action: 'bank.export', target: { type: 'hash_bank', id: bank.id }, details: { format, entries: bank.entryCount } });
      const extension = format === 'csv' ? 'csv' : 'txt';
      // Streamed page by page (Fastify pipes streams as they are); documented above as the text it yields.
      const file = Readable.from(exportEntries(ctx.deps, bank.id, format)) as unknown as string;
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="bank-${bank.id}-${format}.${extension}"`)
        .send(file);
    },
  );
};
