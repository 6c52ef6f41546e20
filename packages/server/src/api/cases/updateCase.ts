import { z } from 'zod';
import { updateCase } from '../../services/cases/caseService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, caseRecordInput, caseViewSchema, viewerOf } from './schemas.js';

const body = z.strictObject({ baseVersion: z.number().int().min(1), record: caseRecordInput });

export const updateCaseEndpoint: Endpoint = (app, ctx) => {
  app.put(
    '/api/v1/cases/:id',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'Replace a case record. `baseVersion` is the version read; if the case changed since, 409 case.conflict (the last writer does not silently win).',
        params: idParams,
        body,
        response: { 200: z.object({ case: caseViewSchema }), ...commonErrors, ...caseErrors },
      },
    },
    async (request) => ({ case: await updateCase(ctx.deps, actorOf(request), viewerOf(request), request.params.id, request.body.baseVersion, request.body.record) }),
  );
};
