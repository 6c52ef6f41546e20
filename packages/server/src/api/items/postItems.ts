import { z } from 'zod';
import { ingestAndQueue, MAX_INGEST_BATCH } from '../../services/itemService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';

// Entries are checked one by one by the service, so one bad entry is reported by index and the rest are stored.
const body = z.strictObject({
  items: z
    .array(z.unknown())
    .min(1)
    .max(MAX_INGEST_BATCH)
    .describe(
      'items: {source?, url?, site?, title?, text?, postedAt?, capturedAt?, locationText?, priceText?, mediaRefs?, rawCaptureRef?, region?}; a title or a text is required; texts over 100,000 characters are cut',
    ),
});

const countsSchema = z
  .object({
    received: z.number().int(),
    created: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.array(z.object({ index: z.number().int(), reason: z.string() })),
    items: z.array(z.object({ index: z.number().int(), id: z.string(), status: z.enum(['created', 'unchanged']) })),
  })
  .meta({ id: 'ItemIngestCounts' });

export const postItemsEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/items',
    {
      config: { access: { roles: ['admin', 'analyst'], apiKeyScopes: ['items:write'] } },
      bodyLimit: ctx.config.uploadLimitBytes,
      schema: {
        tags: ['items'],
        summary: `Ingest up to ${MAX_INGEST_BATCH} items. Idempotent by (source, url, content): a re-sent item is counted as unchanged. New and changed items are analysed in the background.`,
        body,
        response: { 200: countsSchema, ...commonErrors, 413: problemSchema },
      },
    },
    async (request) => {
      const partner = request.principal?.kind === 'apiKey';
      return ingestAndQueue(ctx.deps, ctx.queue, actorOf(request), request.body.items, {
        defaultSource: partner ? 'partner' : 'import',
        // A partner cannot pass its submissions off as crawled or reported content.
        forcedSource: partner ? 'partner' : undefined,
      });
    },
  );
};
