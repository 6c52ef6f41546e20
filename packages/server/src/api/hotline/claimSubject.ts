import { z } from 'zod';
import { claimSubject, releaseSubject } from '../../services/hotline/triageService.js';
import { actorOf, currentUser, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { subjectSummarySchema } from './schemas.js';

const response = { 200: z.object({ subject: subjectSummarySchema }), ...commonErrors, 404: problemSchema, 409: problemSchema };

export const claimSubjectEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/subjects/:id/claim',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: { tags: ['hotline'], summary: 'Claim a subject for review (409 when another reviewer holds it).', params: idParams, response },
    },
    async (request) => ({ subject: await claimSubject(ctx.deps, actorOf(request), request.params.id, currentUser(request).id) }),
  );
};

export const releaseSubjectEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/subjects/:id/release',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: { tags: ['hotline'], summary: 'Release a claimed subject back to the queue (the holder, or an admin).', params: idParams, response },
    },
    async (request) => {
      const user = currentUser(request);
      return { subject: await releaseSubject(ctx.deps, actorOf(request), request.params.id, user.id, { force: user.roles.includes('admin') }) };
    },
  );
};

export const assignSubjectEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/subjects/:id/assign',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['hotline'], summary: 'Assign a subject to a reviewer (admins), replacing any claim.', params: idParams, body: z.strictObject({ userId: z.uuid() }), response },
    },
    async (request) => ({ subject: await claimSubject(ctx.deps, actorOf(request), request.params.id, request.body.userId, { force: true }) }),
  );
};
