import { z } from 'zod';
import { listOrganisations, SERVICE_KINDS } from '../../services/cases/organisationService.js';
import { type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { organisationSchema } from './schemas.js';

export const listOrganisationsEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/organisations',
    {
      config: { access: { roles: ['admin', 'caseworker', 'supervisor'] } },
      schema: {
        tags: ['organisations'],
        summary: 'The directory of service organisations, optionally those offering one service',
        querystring: z.strictObject({ service: z.enum(SERVICE_KINDS).optional() }),
        response: { 200: z.object({ organisations: z.array(organisationSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ organisations: await listOrganisations(ctx.deps, { service: request.query.service }) }),
  );
};
