import { z } from 'zod';
import { addTask } from '../../services/cases/caseTasks.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { humanText, idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';
import { taskSchema } from './taskSchemas.js';

export const addCaseTaskEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/cases/:id/tasks',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'Add a task or follow-up with a due date',
        params: idParams,
        body: z.strictObject({ title: humanText(500), dueOn: z.string().max(10), assigneeId: z.uuid().optional() }),
        response: { 201: z.object({ task: taskSchema }), ...commonErrors, ...caseErrors },
      },
    },
    async (request, reply) => reply.code(201).send({ task: await addTask(ctx.deps, actorOf(request), viewerOf(request), request.params.id, request.body) }),
  );
};
