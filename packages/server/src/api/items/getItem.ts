import { z } from 'zod';
import { readItem } from '../../services/itemSearch.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { requirePurposeOfInvestigators } from './purpose.js';
import { accessReasonQuery, itemDetailSchema } from './schemas.js';

const query = z.strictObject(accessReasonQuery);

export const getItemEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/items/:id',
    {
      config: { access: { roles: ['admin', 'analyst', 'investigator'] } },
      schema: {
        tags: ['items'],
        summary: 'One item with its indicators (spans into title + blank line + text), entities and score breakdown. Every read is audited; investigators must state a `purpose`.',
        params: idParams,
        querystring: query,
        response: { 200: z.object({ item: itemDetailSchema }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => {
      const { purpose, legalBasis } = request.query;
      requirePurposeOfInvestigators(request, purpose);
      return { item: await readItem(ctx.deps, actorOf(request), request.params.id, { purpose, legalBasis }) };
    },
  );
};
