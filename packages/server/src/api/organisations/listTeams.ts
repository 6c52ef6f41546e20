import { z } from 'zod';
import { listTeams } from '../../services/cases/organisationService.js';
import { type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { teamSchema } from './teamSchemas.js';

export const listTeamsEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/teams',
    { config: { access: { roles: ['admin', 'supervisor'] } }, schema: { tags: ['teams'], summary: 'Teams and their members', response: { 200: z.object({ teams: z.array(teamSchema) }), ...commonErrors } } },
    async () => ({ teams: await listTeams(ctx.deps) }),
  );
};
