import { z } from 'zod';
import { addTask, completeTask, listTasks } from '../../services/cases/caseTasks.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { humanText, idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';

const taskSchema = z
  .object({ id: z.string(), caseId: z.string(), title: z.string(), dueOn: z.string(), status: z.string(), overdue: z.boolean(), assigneeId: z.string().nullable(), createdAt: z.string(), doneAt: z.string().nullable() })
  .meta({ id: 'CaseTask' });

export const listCaseTasksEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/:id/tasks',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Tasks and follow-ups of a case', params: idParams, response: { 200: z.object({ tasks: z.array(taskSchema) }), ...commonErrors, ...caseErrors } },
    },
    async (request) => ({ tasks: await listTasks(ctx.deps, viewerOf(request), request.params.id) }),
  );
};

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

export const listMyTasksEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/tasks',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Open tasks across the cases the caller may read, soonest due first', response: { 200: z.object({ tasks: z.array(taskSchema) }), ...commonErrors } },
    },
    async (request) => ({ tasks: await listTasks(ctx.deps, viewerOf(request)) }),
  );
};
