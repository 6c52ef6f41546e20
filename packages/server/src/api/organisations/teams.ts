import { z } from 'zod';
import { addTeamMember, createTeam, listTeams } from '../../services/cases/organisationService.js';
import { caseErrors } from '../cases/schemas.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { humanText, idParams } from '../schemas.js';

const teamSchema = z.object({ id: z.string(), name: z.string(), memberIds: z.array(z.string()) }).meta({ id: 'Team' });

export const listTeamsEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/teams',
    { config: { access: { roles: ['admin', 'supervisor'] } }, schema: { tags: ['teams'], summary: 'Teams and their members', response: { 200: z.object({ teams: z.array(teamSchema) }), ...commonErrors } } },
    async () => ({ teams: await listTeams(ctx.deps) }),
  );
};

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
