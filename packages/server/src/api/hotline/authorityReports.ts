import { z } from 'zod';
import { OUTBOX_DELIVER_TASK } from '../../outbox/outboxService.js';
import { createAuthorityReport, readAuthorityReport } from '../../services/hotline/authorityReport.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';

export const postAuthorityReportEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/subjects/:id/authority-reports',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['hotline'],
        summary:
          'Build a structured report to an authority (CyberTipline-like: incident, reporter, internet details, reported person, files with MD5/SHA-1 and classification), validated against schemas/authority-report.xsd; with `deliver`, sent through the outbox.',
        params: idParams,
        body: z.record(z.string(), z.unknown()).describe('{authority, reportedPerson?: {accountName?, screenName?, profileUrl?, email?, phone?, platform?}, additionalInformation?, deliver?: {email} | {webhookUrl}}'),
        response: { 201: z.object({ id: z.string(), outboxId: z.string().nullable(), report: z.record(z.string(), z.unknown()) }), ...commonErrors, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const created = await createAuthorityReport(ctx.deps, actorOf(request), request.params.id, request.body);
      if (created.outboxId) await ctx.queue.enqueue(OUTBOX_DELIVER_TASK, { messageId: created.outboxId }, { jobKey: `${OUTBOX_DELIVER_TASK}:${created.outboxId}` });
      return reply.code(201).send({ id: created.id, outboxId: created.outboxId, report: created.doc as unknown as Record<string, unknown> });
    },
  );
};

export const getAuthorityReportEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/hotline/authority-reports/:id',
    {
      config: { access: { roles: ['admin', 'analyst', 'investigator'] } },
      schema: {
        tags: ['hotline'],
        summary: 'A stored authority report as JSON (default) or XML (`format=xml`, namespace urn:centinela:authority-report:1). Audited.',
        params: idParams,
        querystring: z.strictObject({ format: z.enum(['json', 'xml']).default('json') }),
        response: { 200: z.unknown(), ...commonErrors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { doc, xml } = await readAuthorityReport(ctx.deps, actorOf(request), request.params.id);
      if (request.query.format === 'xml') return reply.header('content-type', 'application/xml; charset=utf-8').send(xml);
      return doc;
    },
  );
};
