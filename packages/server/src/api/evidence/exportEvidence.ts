import { z } from 'zod';
import { exportEvidence, MAX_EXPORT_ITEMS } from '../../services/crawl/evidenceService.js';
import { actorOf, type Endpoint } from '../context.js';
import { requirePurposeOfInvestigators } from '../items/purpose.js';
import { commonErrors, problemSchema } from '../problemSchema.js';

const body = z.strictObject({
  itemIds: z.array(z.uuid()).min(1).max(MAX_EXPORT_ITEMS).describe('one ad, or every ad of a network'),
  language: z.enum(['es', 'en']).default('es'),
  label: z.string().trim().min(1).max(200).optional().describe('a reference printed on the summary, such as a case number'),
  purpose: z.string().trim().min(1).max(500).optional(),
  legalBasis: z.string().trim().min(1).max(500).optional(),
});

export const exportEvidenceEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/evidence/exports',
    {
      config: { access: { roles: ['admin', 'investigator'] } },
      schema: {
        tags: ['evidence'],
        summary:
          'Download the evidence package (tar: WARC files, manifest.json with SHA-256 and capture times, summary.html in Spanish or English) of items. Audited with its manifest hash; investigators state a `purpose`. `centinela evidence verify` checks it.',
        body,
        produces: ['application/x-tar'],
        response: { 200: z.string().describe('the package (tar)'), ...commonErrors, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { itemIds, language, label, purpose, legalBasis } = request.body;
      requirePurposeOfInvestigators(request, purpose);
      const { tar, manifest, manifestSha256 } = await exportEvidence(ctx.deps, ctx.blobs, actorOf(request), {
        itemIds,
        language,
        label: label ?? null,
        purpose: purpose ?? null,
        legalBasis: legalBasis ?? null,
      });
      return reply
        .type('application/x-tar')
        .header('content-disposition', `attachment; filename="evidence-${manifest.exportId}.tar"`)
        .header('x-manifest-sha256', manifestSha256)
        .send(tar as unknown as string);
    },
  );
};
