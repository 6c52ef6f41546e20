import { z } from 'zod';
import { fileReport, REPORT_LIMITS } from '../../services/hotline/reportService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';

const body = z.strictObject({
  url: z.string().max(2048).optional(),
  platform: z.string().max(REPORT_LIMITS.platform).optional(),
  description: z.string().max(REPORT_LIMITS.description).optional(),
  childInvolved: z.boolean().default(false),
  /** Partners report as themselves; a contact is theirs, kept sealed. */
  contact: z.string().max(REPORT_LIMITS.contact).optional(),
  language: z.enum(['es', 'en']).default('en'),
});

export const postReportEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/reports',
    {
      config: { access: { roles: ['admin', 'analyst'], apiKeyScopes: ['reports:write'] } },
      schema: {
        tags: ['hotline'],
        summary: 'File a report (partners with the reports:write scope, or staff). Reports of the same canonical URL attach to one subject. Returns the reference.',
        body,
        response: {
          201: z.object({ reportId: z.string(), reference: z.string(), subjectId: z.string(), newSubject: z.boolean() }),
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const partner = request.principal?.kind === 'apiKey';
      const created = await fileReport(ctx.deps, ctx.blobs, actorOf(request), {
        channel: partner ? 'partner' : 'public',
        url: b.url ?? null,
        platform: b.platform ?? null,
        description: b.description ?? null,
        childInvolved: b.childInvolved,
        anonymous: !b.contact,
        contact: b.contact ?? null,
        language: b.language,
      });
      return reply.code(201).send({ reportId: created.reportId, reference: created.reference, subjectId: created.subjectId, newSubject: created.newSubject });
    },
  );
};
