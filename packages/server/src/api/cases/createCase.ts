import { z } from 'zod';
import { createCase } from '../../services/cases/caseService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { caseErrors, CASE_ROLES, caseRecordInput, caseViewSchema, viewerOf } from './schemas.js';

const body = z.strictObject({ record: caseRecordInput, teamId: z.uuid().optional() });

export const createCaseEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/cases',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'Register a case in the HTCDS vocabulary. Identifying fields are encrypted field by field. 422 case.invalid lists every error with its field (and allowed values).',
        body,
        response: { 201: z.object({ case: caseViewSchema }), ...commonErrors, ...caseErrors },
      },
    },
    async (request, reply) => {
      const view = await createCase(ctx.deps, actorOf(request), viewerOf(request), request.body.record, { teamId: request.body.teamId });
      return reply.code(201).send({ case: view });
    },
  );
};
