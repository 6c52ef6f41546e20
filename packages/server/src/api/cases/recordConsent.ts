import { CONSENT_INFORMED_POINTS } from '@centinela/core';
import { z } from 'zod';
import { recordConsent } from '../../services/cases/consentService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, consentPurposeSchema, consentViewSchema, viewerOf } from './schemas.js';

const informed = z.strictObject(Object.fromEntries(CONSENT_INFORMED_POINTS.map((p) => [p, z.boolean()])) as Record<(typeof CONSENT_INFORMED_POINTS)[number], z.ZodBoolean>);
const purposes = z.array(consentPurposeSchema).min(1).max(6);
const body = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('consent.given'),
    baseVersion: z.number().int().min(0),
    purposes,
    givenBy: z.enum(['person', 'guardian', 'person_and_guardian']),
    informed,
    givenAt: z.iso.datetime().optional(),
    expiresAt: z.iso.datetime().optional(),
    recipientOrganisationIds: z.array(z.uuid()).max(50).optional(),
  }),
  z.strictObject({ type: z.literal('consent.withdrawn'), baseVersion: z.number().int().min(0), purposes, withdrawnAt: z.iso.datetime().optional() }),
]);

export const recordConsentEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/cases/:id/consent',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'Record consent given (every informed point must be true) or withdrawn, per purpose. `baseVersion` is the consent version read (409 case.conflict when stale).',
        params: idParams,
        body,
        response: { 200: z.object({ consent: consentViewSchema }), ...commonErrors, ...caseErrors },
      },
    },
    async (request) => {
      const b = request.body;
      const input =
        b.type === 'consent.given'
          ? {
              type: b.type,
              baseVersion: b.baseVersion,
              purposes: b.purposes,
              givenBy: b.givenBy,
              informed: b.informed,
              ...(b.givenAt ? { givenAt: b.givenAt } : {}),
              ...(b.expiresAt ? { expiresAt: b.expiresAt } : {}),
              ...(b.recipientOrganisationIds ? { recipientOrganisationIds: b.recipientOrganisationIds } : {}),
            }
          : { type: b.type, baseVersion: b.baseVersion, purposes: b.purposes, ...(b.withdrawnAt ? { withdrawnAt: b.withdrawnAt } : {}) };
      return { consent: await recordConsent(ctx.deps, actorOf(request), viewerOf(request), request.params.id, input) };
    },
  );
};
