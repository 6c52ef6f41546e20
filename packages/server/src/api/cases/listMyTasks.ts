import { z } from 'zod';
import { listTasks } from '../../services/cases/caseTasks.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { CASE_ROLES, viewerOf } from './schemas.js';
import { taskSchema } from './taskSchemas.js';

export const listMyTasksEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/tasks',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Open tasks across the cases the caller may read, soonest due first', response: { 200: z.object({ tasks: z.array(taskSchema) }), ...commonErrors } },
    },
    async (request) => ({ tasks: await listTasks(ctx.deps, viewerOf(request), undefined, actorOf(request)) }),
  );
};
