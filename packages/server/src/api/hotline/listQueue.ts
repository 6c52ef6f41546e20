import { SUBJECT_STATUSES } from '@centinela/core';
import { z } from 'zod';
import { countsByStatus, listQueue } from '../../services/hotline/triageService.js';
import { currentUser, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { countsSchema, subjectSummarySchema } from './schemas.js';

const boolText = z.enum(['true', 'false']).transform((v) => v === 'true');

const query = z.strictObject({
  status: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.enum(SUBJECT_STATUSES)).optional()),
  assigned: z.union([z.enum(['me', 'none']), z.uuid()]).optional(),
  childInvolved: boolText.optional(),
  bankMatch: boolText.optional(),
  host: z.string().max(253).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const listQueueEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/hotline/queue',
    {
      config: { access: { roles: ['admin', 'analyst', 'investigator'] } },
      schema: {
        tags: ['hotline'],
        summary: 'The triage queue (investigators read it; only analysts and admins act on it): child involvement, bank match and risk score first, then the oldest report. Open and assessed subjects unless `status` says otherwise; counts by state included.',
        querystring: query,
        response: { 200: z.object({ subjects: z.array(subjectSummarySchema), total: z.number().int(), counts: countsSchema }), ...commonErrors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const q = request.query;
      const [page, counts] = await Promise.all([
        listQueue(ctx.deps, user.id, { status: q.status, assigned: q.assigned, childInvolved: q.childInvolved, bankMatch: q.bankMatch, host: q.host, limit: q.limit, offset: q.offset }),
        countsByStatus(ctx.deps),
      ]);
      return { ...page, counts };
    },
  );
};
