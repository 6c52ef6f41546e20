import { z } from 'zod';
import { ENTITY_TYPES, readEntity } from '../../services/networkRead.js';
import { actorOf, type Endpoint } from '../context.js';
import { requirePurposeOfInvestigators } from '../items/purpose.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { humanText } from '../schemas.js';
import { entityDetailSchema, NETWORK_ROLES, readQuery } from './schemas.js';

const params = z.strictObject({ type: z.enum(ENTITY_TYPES), value: humanText(500) });

export const getEntityEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/entities/:type/:value',
    {
      config: { access: { roles: [...NETWORK_ROLES] } },
      schema: {
        tags: ['networks'],
        summary:
          'Everything linked to one entity, by its normalised value (E.164 phone, lower-case e-mail, `platform:user` handle, wallet address, `sha256:<hex>` image): items, networks, clusters, co-occurring entities, sites, cities, names, and its hub status. Audited (type only); investigators must state a `purpose`.',
        params,
        querystring: readQuery,
        response: { 200: z.object({ entity: entityDetailSchema }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => {
      const { purpose, legalBasis } = request.query;
      requirePurposeOfInvestigators(request, purpose);
      return { entity: await readEntity(ctx.deps, actorOf(request), request.params.type, request.params.value, { purpose, legalBasis }) };
    },
  );
};
