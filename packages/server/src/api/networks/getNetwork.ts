import { z } from 'zod';
import { readNetwork } from '../../services/networkRead.js';
import { actorOf, type Endpoint } from '../context.js';
import { requirePurposeOfInvestigators } from '../items/purpose.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { NETWORK_ROLES, networkDetailSchema, readQuery } from './schemas.js';

export const getNetworkEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/networks/:id',
    {
      config: { access: { roles: [...NETWORK_ROLES] } },
      schema: {
        tags: ['networks'],
        summary: 'One network: items (first 500 by date), entities, names, sites, cadence, the movement timeline with coordinates, excluded hubs and the graph. Audited; investigators must state a `purpose`.',
        params: idParams,
        querystring: readQuery,
        response: { 200: z.object({ network: networkDetailSchema }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => {
      const { purpose, legalBasis } = request.query;
      requirePurposeOfInvestigators(request, purpose);
      return { network: await readNetwork(ctx.deps, actorOf(request), request.params.id, { purpose, legalBasis }) };
    },
  );
};
