import { z } from 'zod';
import { publicationCsv } from '../../services/stats/statsService.js';
import { type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { STATS_READERS } from './schemas.js';

export const getPublicationCsvEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/stats/publications/:id/csv',
    {
      config: { access: { roles: [...STATS_READERS] } },
      schema: { tags: ['statistics'], summary: 'A published table as CSV; the privacy parameters are repeated on every row', params: idParams, response: { 200: z.string(), ...commonErrors, 404: problemSchema } },
    },
    async (request, reply) => {
      const csv = await publicationCsv(ctx.deps, request.params.id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="statistics-${request.params.id}.csv"`).send(csv);
    },
  );
};
