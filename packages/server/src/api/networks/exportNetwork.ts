import { z } from 'zod';
import { isoNow } from '../../services/clock.js';
import { networkCsv, networkHtml } from '../../services/networkExport.js';
import { readNetwork } from '../../services/networkRead.js';
import { actorOf, type Endpoint } from '../context.js';
import { requirePurposeOfInvestigators } from '../items/purpose.js';
import { accessReasonQuery } from '../items/schemas.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { NETWORK_ROLES } from './schemas.js';

const query = z.strictObject({ format: z.enum(['csv', 'html']).default('csv'), lang: z.enum(['es', 'en']).default('es'), ...accessReasonQuery });

export const exportNetworkEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/networks/:id/export',
    {
      config: { access: { roles: [...NETWORK_ROLES] } },
      schema: {
        tags: ['networks'],
        summary: 'Download a network as CSV (one row per item) or as an HTML evidence summary in Spanish or English. Audited as `network.export`.',
        params: idParams,
        querystring: query,
        produces: ['text/csv', 'text/html'],
        response: { 200: z.string().describe('the file'), ...commonErrors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { format, lang, purpose, legalBasis } = request.query;
      requirePurposeOfInvestigators(request, purpose);
      const network = await readNetwork(ctx.deps, actorOf(request), request.params.id, { purpose, legalBasis }, 'network.export');
      const body = format === 'csv' ? networkCsv(network, lang) : networkHtml(network, lang, isoNow(ctx.deps.clock));
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="network-${network.id}-${lang}.${format}"`)
        .send(body);
    },
  );
};
