import { readSubject } from '../../services/hotline/reviewService.js';
import { actorOf, currentUser, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { subjectDetailSchema } from './schemas.js';

export const getSubjectEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/hotline/subjects/:id',
    {
      config: { access: { roles: ['admin', 'analyst', 'investigator'] } },
      schema: {
        tags: ['hotline'],
        summary: 'A subject with its reports, files (hashes and bank matches), signals with explanations, decisions, event log, notices and checks. Investigators do not see reporters’ contacts nor reviewer notes that were not shared. Audited.',
        params: idParams,
        response: { 200: subjectDetailSchema, ...commonErrors, 404: problemSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const staff = user.roles.includes('admin') || user.roles.includes('analyst');
      return readSubject(ctx.deps, actorOf(request), { userId: user.id, seesContacts: staff, seesAllNotes: staff }, request.params.id);
    },
  );
};
