import { z } from 'zod';
import { addTeamMember } from '../../services/cases/organisationService.js';
import { caseErrors } from '../cases/schemas.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';

export const addTeamMemberEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/teams/:id/members',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['teams'], summary: 'Add a user to a team', params: idParams, body: z.strictObject({ userId: z.uuid() }), response: { 204: z.null(), ...commonErrors, ...caseErrors } },
    },
    async (request, reply) => {
      await addTeamMember(ctx.deps, actorOf(request), request.params.id, request.body.userId);
      return reply.code(204).send(null);
    },
  );
};
