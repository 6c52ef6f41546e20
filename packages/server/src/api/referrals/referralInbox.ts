import { z } from 'zod';
import { referralInbox } from '../../services/cases/referralService.js';
import { referralSchema, viewerOf } from '../cases/schemas.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';

const inboxSchema = referralSchema.extend({ shared: z.record(z.string(), z.unknown()) }).meta({ id: 'InboxReferral' });

export const referralInboxEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/referrals/inbox',
    {
      config: { access: { roles: ['partner'] } },
      schema: {
        tags: ['referrals'],
        summary: 'Referrals made to the caller’s organisation, each with only the case fields it shares (every read is logged for the case owner)',
        response: { 200: z.object({ referrals: z.array(inboxSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ referrals: await referralInbox(ctx.deps, actorOf(request), viewerOf(request)) }),
  );
};
