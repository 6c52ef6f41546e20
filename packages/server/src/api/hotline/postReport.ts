import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_REPORT_FILES, type IntakeFile } from '../../services/hotline/mediaIntake.js';
import { fileReport, REPORT_LIMITS, type ReportInput } from '../../services/hotline/reportService.js';
import { Problem } from '../../services/problem.js';
import { actorOf, type AppContext, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { readUploads, withMultipart } from '../media/uploads.js';

const fields = {
  url: z.string().max(2048).optional(),
  platform: z.string().max(REPORT_LIMITS.platform).optional(),
  description: z.string().max(REPORT_LIMITS.description).optional(),
  /** Partners report as themselves; a contact is theirs, kept sealed. */
  contact: z.string().max(REPORT_LIMITS.contact).optional(),
  language: z.enum(['es', 'en']).default('en'),
};
const body = z.strictObject({ ...fields, childInvolved: z.boolean().default(false) });
const formFields = z.strictObject({ ...fields, childInvolved: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

type Parsed = z.output<typeof body>;

function toInput(request: FastifyRequest, b: Parsed, files: IntakeFile[]): ReportInput {
  return {
    channel: request.principal?.kind === 'apiKey' ? 'partner' : 'public',
    url: b.url ?? null,
    platform: b.platform ?? null,
    description: b.description ?? null,
    childInvolved: b.childInvolved,
    anonymous: !b.contact,
    contact: b.contact ?? null,
    language: b.language,
    files,
  };
}

async function fromMultipart(request: FastifyRequest, ctx: AppContext): Promise<ReportInput> {
  const { files, fields: raw } = await readUploads(request, ctx.config.publicReportFileBytes * MAX_REPORT_FILES);
  const parsed = formFields.safeParse(Object.fromEntries([...raw].map(([k, v]) => [k, v.at(-1)])));
  if (!parsed.success) {
    throw new Problem(400, 'validation.failed', 'the form fields do not match the expected shape', {
      errors: parsed.error.issues.map((i) => ({ path: `form.${i.path.join('.')}`, message: i.message })),
    });
  }
  return toInput(request, parsed.data, files);
}

export const postReportEndpoint: Endpoint = (app, ctx) => {
  withMultipart(app, ctx, (scope) => {
    scope.post(
      '/api/v1/reports',
      {
        config: { access: { roles: ['admin', 'analyst'], apiKeyScopes: ['reports:write'] } },
        schema: {
          tags: ['hotline'],
          summary: `File a report (partners with the reports:write scope, or staff): JSON, or multipart with up to ${MAX_REPORT_FILES} image/video files (hashed, matched against the banks, sealed). Reports of the same canonical URL, or without URL of the same file, attach to one subject. Returns the reference.`,
          consumes: ['application/json', 'multipart/form-data'],
          body: body.nullish(),
          response: {
            201: z.object({ reportId: z.string(), reference: z.string(), subjectId: z.string(), newSubject: z.boolean(), bankMatches: z.number().int() }),
            ...commonErrors,
            413: problemSchema,
            415: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        let input: ReportInput;
        if (request.isMultipart()) input = await fromMultipart(request, ctx);
        else if (request.body) input = toInput(request, request.body, []);
        else throw new Problem(400, 'validation.failed', 'send the report as JSON or as multipart/form-data');
        const created = await fileReport(ctx.deps, ctx.blobs, actorOf(request), input);
        return reply.code(201).send({ reportId: created.reportId, reference: created.reference, subjectId: created.subjectId, newSubject: created.newSubject, bankMatches: created.bankMatches });
      },
    );
  });
};
