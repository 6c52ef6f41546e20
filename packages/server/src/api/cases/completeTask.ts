import { z } from 'zod';
import { completeTask } from '../../services/cases/caseTasks.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';

export const completeTaskEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/tasks/:id/done',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Mark a task done', params: idParams, response: { 204: z.null(), ...commonErrors, ...caseErrors } },
    },
    async (request, reply) => {
      await completeTask(ctx.deps, actorOf(request), viewerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
