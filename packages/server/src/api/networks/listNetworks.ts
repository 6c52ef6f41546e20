import { z } from 'zod';
import { listNetworks } from '../../services/networkRead.js';
import { actorOf, type Endpoint } from '../context.js';
import { requirePurposeOfInvestigators } from '../items/purpose.js';
import { commonErrors } from '../problemSchema.js';
import { NETWORK_ROLES, networkListEntrySchema, networkListQuery } from './schemas.js';

export const listNetworksEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/networks',
    {
      config: { access: { roles: [...NETWORK_ROLES] } },
      schema: {
        tags: ['networks'],
        summary:
          'Networks (connected components of items linked by phones, e-mails, wallets, handles, image hashes and template clusters; hubs excluded), biggest or most recently active first. Filters: minItems, entityType + entity, site, city (normalised with the gazetteer: "CDMX" finds Mexico City). Audited; investigators must state a `purpose`.',
        querystring: networkListQuery,
        response: { 200: z.object({ networks: z.array(networkListEntrySchema), total: z.number().int() }), ...commonErrors },
      },
    },
    async (request) => {
      const { purpose, legalBasis, ...q } = request.query;
      requirePurposeOfInvestigators(request, purpose);
      return listNetworks(ctx.deps, actorOf(request), q, { purpose, legalBasis });
    },
  );
};
