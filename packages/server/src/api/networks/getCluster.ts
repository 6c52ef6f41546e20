import { z } from 'zod';
import { readCluster } from '../../services/networkRead.js';
import { actorOf, type Endpoint } from '../context.js';
import { requirePurposeOfInvestigators } from '../items/purpose.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { clusterDetailSchema, NETWORK_ROLES, readQuery } from './schemas.js';

export const getClusterEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/clusters/:id',
    {
      config: { access: { roles: [...NETWORK_ROLES] } },
      schema: {
        tags: ['networks'],
        summary: 'A template cluster: the template (shared text and slots with examples), its MDL quality, and up to 40 members with the text filling each slot (spans into title + blank line + text). Audited.',
        params: idParams,
        querystring: readQuery,
        response: { 200: z.object({ cluster: clusterDetailSchema }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => {
      const { purpose, legalBasis } = request.query;
      requirePurposeOfInvestigators(request, purpose);
      return { cluster: await readCluster(ctx.deps, actorOf(request), request.params.id, { purpose, legalBasis }) };
    },
  );
};
