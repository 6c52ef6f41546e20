import { z } from 'zod';
import { caseAccessLog } from '../../services/cases/caseService.js';
import { type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';

const entry = z.object({ userId: z.string().nullable(), displayName: z.string().nullable(), action: z.string(), at: z.string() });

export const getAccessLogEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/:id/access-log',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'Who read or changed the case, and when (the owner and the team’s supervisors)',
        params: idParams,
        response: { 200: z.object({ entries: z.array(entry) }), ...commonErrors, ...caseErrors },
      },
    },
    async (request) => ({ entries: await caseAccessLog(ctx.deps, viewerOf(request), request.params.id) }),
  );
};
