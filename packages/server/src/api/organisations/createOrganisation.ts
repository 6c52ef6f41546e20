import { picklistValues } from '@centinela/core';
import { z } from 'zod';
import { createOrganisation, SERVICE_KINDS } from '../../services/cases/organisationService.js';
import { caseErrors } from '../cases/schemas.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { humanText } from '../schemas.js';
import { organisationSchema } from './schemas.js';

const body = z.strictObject({
  name: humanText(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2').nullable().default(null),
  services: z.array(z.enum(SERVICE_KINDS)).min(1).max(SERVICE_KINDS.length),
  eligibility: z
    .strictObject({
      sexes: z.array(z.enum(picklistValues('prs_Gender') as readonly [string, ...string[]])).optional(),
      minAge: z.number().int().min(0).max(120).optional(),
      maxAge: z.number().int().min(0).max(120).optional(),
      exploitation: z.array(z.enum(picklistValues('vic_TypeOfExploitation') as readonly [string, ...string[]])).optional(),
      notes: humanText(1000).optional(),
    })
    .default({}),
});

export const createOrganisationEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/organisations',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['organisations'], summary: 'Add a service organisation to the directory', body, response: { 201: z.object({ organisation: organisationSchema }), ...commonErrors, ...caseErrors } },
    },
    async (request, reply) => reply.code(201).send({ organisation: await createOrganisation(ctx.deps, actorOf(request), request.body) }),
  );
};
