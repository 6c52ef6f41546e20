import { z } from 'zod';
import { appendAudit, listAuditEntries } from '../../services/auditService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { humanText } from '../schemas.js';

const auditEntrySchema = z
  .object({
    seq: z.number(),
    id: z.string(),
    at: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    purpose: z.string().nullable(),
    legalBasis: z.string().nullable(),
    outcome: z.string(),
    details: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

const query = z.strictObject({
  actorId: z.string().max(64).optional(),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  purpose: humanText(500),
});

export const listAuditEntriesEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/audit',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (newest first). The stated purpose is itself recorded in the log.',
        querystring: query,
        response: { 200: z.object({ entries: z.array(auditEntrySchema) }), ...commonErrors },
      },
    },
    async (request) => {
      const { purpose, ...filters } = request.query;
      // Reading who did what is itself a sensitive read: record it before answering.
      await appendAudit(ctx.deps, actorOf(request), { action: 'audit.search', purpose, details: { filters: JSON.stringify(filters) } });
      return { entries: await listAuditEntries(ctx.deps.db, filters) };
    },
  );
};
