import { z } from 'zod';
import { transitionReferral } from '../../services/cases/referralService.js';
import { caseErrors, referralSchema, viewerOf } from '../cases/schemas.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { humanText, idParams } from '../schemas.js';

const body = z.strictObject({ to: z.enum(['accepted', 'rejected', 'done', 'revoked']), reason: humanText(1000).optional(), baseVersion: z.number().int().min(1) });

export const transitionReferralEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/referrals/:id/status',
    {
      config: { access: { roles: ['caseworker', 'supervisor', 'partner'] } },
      schema: {
        tags: ['referrals'],
        summary: 'Move a referral on: the receiving organisation accepts, rejects (with a reason) or marks done; the sending side revokes (with a reason).',
        params: idParams,
        body,
        response: { 200: z.object({ referral: referralSchema }), ...commonErrors, ...caseErrors },
      },
    },
    async (request) => ({ referral: await transitionReferral(ctx.deps, actorOf(request), viewerOf(request), request.params.id, request.body) }),
  );
};
