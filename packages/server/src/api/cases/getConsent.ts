import { z } from 'zod';
import { getConsent } from '../../services/cases/consentService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, consentViewSchema, viewerOf } from './schemas.js';

export const getConsentEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/:id/consent',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'The consent log of a case and whether each purpose holds now', params: idParams, response: { 200: z.object({ consent: consentViewSchema }), ...commonErrors, ...caseErrors } },
    },
    async (request) => ({ consent: await getConsent(ctx.deps, viewerOf(request), request.params.id, actorOf(request)) }),
  );
};
