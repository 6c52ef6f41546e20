import { z } from 'zod';
import { searchItems } from '../../services/itemSearch.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { requirePurposeOfInvestigators } from './purpose.js';
import { itemListQuery, itemSummarySchema } from './schemas.js';

export const listItemsEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/items',
    {
      config: { access: { roles: ['admin', 'analyst', 'investigator'] } },
      schema: {
        tags: ['items'],
        summary:
          'Search items (filters: score range, indicator, entity, site, language, source, dates), newest capture or highest score first. Pass `next` as `cursor` for the following page. Every search is audited; investigators must state a `purpose`.',
        querystring: itemListQuery,
        response: { 200: z.object({ items: z.array(itemSummarySchema), next: z.string().nullable() }), ...commonErrors },
      },
    },
    async (request) => {
      const { purpose, legalBasis, entity, ...rest } = request.query;
      requirePurposeOfInvestigators(request, purpose);
      return searchItems(ctx.deps, actorOf(request), { ...rest, entityValue: entity }, { purpose, legalBasis });
    },
  );
};
