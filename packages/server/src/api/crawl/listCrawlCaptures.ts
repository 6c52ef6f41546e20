import { z } from 'zod';
import { listItemCaptures } from '../../services/crawl/evidenceService.js';
import type { CrawlCaptureTable } from '../../db/schema/index.js';
import { actorOf, type Endpoint } from '../context.js';
import { requirePurposeOfInvestigators } from '../items/purpose.js';
import { commonErrors } from '../problemSchema.js';
import { captureSchema } from './schemas.js';

const query = z.strictObject({
  itemId: z.uuid().optional().describe("one item's captures (an audited evidence access)"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  purpose: z.string().trim().min(1).max(500).optional(),
});

const present = (c: CrawlCaptureTable): z.infer<typeof captureSchema> => ({
  id: c.id,
  runId: c.run_id,
  kind: c.kind,
  url: c.url,
  finalUrl: c.final_url,
  httpStatus: c.http_status === null ? null : Number(c.http_status),
  contentType: c.content_type,
  warcSha256: c.warc_sha256,
  warcSize: Number(c.warc_size),
  itemId: c.item_id,
  crawlerVersion: c.crawler_version,
  capturedAt: c.captured_at,
});

export const listCrawlCapturesEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/crawl/captures',
    {
      config: { access: { roles: ['admin', 'analyst', 'investigator'] } },
      schema: {
        tags: ['crawl'],
        summary: "Recent evidence captures (metadata: URL, HTTP status, WARC SHA-256, time), or one item's. Investigators state a `purpose`.",
        querystring: query,
        response: { 200: z.object({ captures: z.array(captureSchema) }), ...commonErrors },
      },
    },
    async (request) => {
      const { itemId, limit, purpose } = request.query;
      requirePurposeOfInvestigators(request, purpose);
      if (itemId) return { captures: (await listItemCaptures(ctx.deps, actorOf(request), itemId, purpose)).map(present) };
      const rows = await ctx.deps.db.selectFrom('crawl_capture').selectAll().orderBy('captured_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return { captures: rows.map(present) };
    },
  );
};
