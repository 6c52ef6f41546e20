import { z } from 'zod';
import { createTeam } from '../../services/cases/organisationService.js';
import { caseErrors } from '../cases/schemas.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { humanText } from '../schemas.js';
import { teamSchema } from './teamSchemas.js';

export const createTeamEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/teams',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['teams'], summary: 'Create a team', body: z.strictObject({ name: humanText(120) }), response: { 201: z.object({ team: teamSchema }), ...commonErrors, ...caseErrors } },
    },
    async (request, reply) => reply.code(201).send({ team: await createTeam(ctx.deps, actorOf(request), request.body.name) }),
  );
};
