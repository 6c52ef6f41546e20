import { z } from 'zod';
import { decideSubject, reopenSubject } from '../../services/hotline/reviewService.js';
import { actorOf, currentUser, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { decisionBodySchema } from './schemas.js';

export const postDecisionEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/subjects/:id/decisions',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['hotline'],
        summary:
          'Record a review decision: classification (csam needs interpolCategory), trafficking indicators, legal basis, a note (sealed; shareNote lets investigators read it). addToBankId adds the subject’s file hashes to that bank in the same transaction.',
        params: idParams,
        body: decisionBodySchema,
        response: { 201: z.object({ decisionId: z.string(), status: z.string(), addedToBank: z.number().int() }), ...commonErrors, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await decideSubject(ctx.deps, actorOf(request), currentUser(request).id, request.params.id, request.body);
      return reply.code(201).send(result);
    },
  );
};

export const reopenSubjectEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/subjects/:id/reopen',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['hotline'],
        summary: 'Reopen a subject (a new `reopened` event; nothing is erased).',
        params: idParams,
        body: z.strictObject({ reason: z.string().min(1).max(200) }),
        response: { 200: z.object({ status: z.string() }), ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => reopenSubject(ctx.deps, actorOf(request), request.params.id, request.body.reason),
  );
};
