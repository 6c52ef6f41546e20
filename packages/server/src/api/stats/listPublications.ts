import { z } from 'zod';
import { listPublications } from '../../services/stats/statsService.js';
import { type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { publicationSchema, STATS_READERS } from './schemas.js';

export const listPublicationsEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/stats/publications',
    {
      config: { access: { roles: [...STATS_READERS] } },
      schema: {
        tags: ['statistics'],
        summary: 'Published statistics tables, each with its privacy parameters. This is all a statistician sees.',
        response: { 200: z.object({ publications: z.array(publicationSchema) }), ...commonErrors },
      },
    },
    async () => ({ publications: await listPublications(ctx.deps) }),
  );
};
