import { z } from 'zod';
import { listCaseReferrals } from '../../services/cases/referralService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, referralSchema, viewerOf } from './schemas.js';

export const listReferralsEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/:id/referrals',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Referrals and transfers of a case', params: idParams, response: { 200: z.object({ referrals: z.array(referralSchema) }), ...commonErrors, ...caseErrors } },
    },
    async (request) => ({ referrals: await listCaseReferrals(ctx.deps, viewerOf(request), request.params.id, actorOf(request)) }),
  );
};
