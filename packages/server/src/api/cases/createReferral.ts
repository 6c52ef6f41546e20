import { isCaseFieldPath, picklistValues } from '@centinela/core';
import { z } from 'zod';
import { createReferral } from '../../services/cases/referralService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { humanText, idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, referralPurposeSchema, referralSchema, viewerOf } from './schemas.js';

const reasons = picklistValues('cas_ReasonForOutgoingReferral') as readonly [string, ...string[]];
const body = z.strictObject({
  toOrganisationId: z.uuid(),
  kind: z.enum(['referral', 'transfer']),
  purpose: referralPurposeSchema,
  reason: z.enum(reasons),
  sharedFields: z
    .array(z.string().max(80).refine(isCaseFieldPath, 'not a case field path (e.g. person.firstName, events[].country)'))
    .min(1)
    .max(120),
  override: z.strictObject({ justification: humanText(2000) }).optional(),
});

export const createReferralEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/cases/:id/referrals',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary:
          'Refer or transfer a case. Refused (409 referral.consent_required, naming the missing consent) unless the consent the purpose needs is recorded; an emergency override needs the permission (supervisors) and a justification, and is audited.',
        params: idParams,
        body,
        response: { 201: z.object({ referral: referralSchema }), ...commonErrors, ...caseErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const referral = await createReferral(ctx.deps, actorOf(request), viewerOf(request), request.params.id, {
        toOrganisationId: b.toOrganisationId,
        kind: b.kind,
        purpose: b.purpose,
        reason: b.reason as never,
        sharedFields: b.sharedFields,
        override: b.override,
      });
      return reply.code(201).send({ referral });
    },
  );
};
