import { z } from 'zod';
import { addOrganisationMember } from '../../services/cases/organisationService.js';
import { caseErrors } from '../cases/schemas.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';

export const addOrganisationMemberEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/organisations/:id/members',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['organisations'],
        summary: 'Bind a user with the partner role to an organisation: they sign in as usual and see the referrals made to it',
        params: idParams,
        body: z.strictObject({ userId: z.uuid() }),
        response: { 204: z.null(), ...commonErrors, ...caseErrors },
      },
    },
    async (request, reply) => {
      await addOrganisationMember(ctx.deps, actorOf(request), request.params.id, request.body.userId);
      return reply.code(204).send(null);
    },
  );
};
