import { hasPermission } from '@centinela/core';
import { z } from 'zod';
import { Problem } from '../../services/problem.js';
import { publishTable, STATS_METHODS } from '../../services/stats/statsService.js';
import { caseErrors } from '../cases/schemas.js';
import { actorOf, currentUser, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { humanText } from '../schemas.js';
import { publicationSchema } from './schemas.js';

const body = z.strictObject({
  title: humanText(200),
  source: z.enum(['cases', 'online']).default('cases'),
  dimensions: z.array(z.string().max(40)).min(1).max(3),
  method: z.enum(STATS_METHODS),
  k: z.number().int().min(2).max(1000).optional(),
  epsilon: z.number().positive().max(10).optional(),
});

export const publishTableEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/stats/publications',
    {
      config: { access: { roles: ['admin', 'supervisor'] } },
      schema: {
        tags: ['statistics'],
        summary:
          'Publish a disaggregated table (sex, ageBand, exploitation, citizenship, countryOfExploitation, yearOfRegistration, meansOfControl) with small-cell suppression (k, default 11) or differentially private counts (ε). The noise is never seeded here.',
        body,
        response: { 201: z.object({ publication: publicationSchema }), ...commonErrors, ...caseErrors },
      },
    },
    async (request, reply) => {
      if (!hasPermission(currentUser(request).roles, 'stats.publish')) throw new Problem(403, 'auth.forbidden', 'publishing statistics needs the stats.publish permission');
      return reply.code(201).send({ publication: await publishTable(ctx.deps, actorOf(request), request.body) });
    },
  );
};
