import { z } from 'zod';
import { listTasks } from '../../services/cases/caseTasks.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';
import { taskSchema } from './taskSchemas.js';

export const listCaseTasksEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/:id/tasks',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Tasks and follow-ups of a case', params: idParams, response: { 200: z.object({ tasks: z.array(taskSchema) }), ...commonErrors, ...caseErrors } },
    },
    async (request) => ({ tasks: await listTasks(ctx.deps, viewerOf(request), request.params.id, actorOf(request)) }),
  );
};
