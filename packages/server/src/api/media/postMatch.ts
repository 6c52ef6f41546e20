import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkSignal } from '../../services/bankFormats.js';
import {
  auditMatch,
  MAX_THRESHOLD,
  matcherFor,
  matchImages,
  type MatchOptions,
  type MatchQuery,
} from '../../services/matchService.js';
import { Problem } from '../../services/problem.js';
import { quarantineIfAsked } from '../../services/quarantineService.js';
import { actorOf, type AppContext, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { signalTypeSchema } from '../banks/schemas.js';
import { matchResultSchema } from './schemas.js';
import { analyzeUploads, readUploads, withMultipart } from './uploads.js';

export const MAX_HASHES_PER_REQUEST = 1000;

const options = {
  threshold: z.number().int().min(0).max(MAX_THRESHOLD).optional(),
  dihedral: z.boolean().optional(),
  banks: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
};

const body = z.strictObject({
  hashes: z
    .array(
      z.strictObject({
        type: signalTypeSchema.optional(),
        hash: z.string().max(100),
        quality: z.number().int().min(0).max(100).optional(),
      }),
    )
    .min(1)
    .max(MAX_HASHES_PER_REQUEST),
  ...options,
});

/** The same options as multipart form fields (strings); `banks` may repeat or be comma-separated. */
const formFields = z.strictObject({
  threshold: z.coerce.number().int().min(0).max(MAX_THRESHOLD).optional(),
  dihedral: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  banks: z.string().max(5000).optional(),
});

function formOptions(fields: Map<string, string[]>): MatchOptions {
  const parsed = formFields.safeParse(Object.fromEntries([...fields].map(([k, v]) => [k, k === 'banks' ? v.join(',') : v.at(-1)])));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: `form.${i.path.join('.')}`, message: i.message }));
    throw new Problem(400, 'validation.failed', 'the form fields do not match the expected shape', { errors });
  }
  const banks = parsed.data.banks?.split(',').map((b) => b.trim()).filter(Boolean);
  return { threshold: parsed.data.threshold, dihedral: parsed.data.dihedral, banks: banks?.length ? banks : undefined };
}

/** Every malformed hash is named in one refusal, with its position in the batch. */
function toQueries(hashes: z.infer<typeof body>['hashes']): MatchQuery[] {
  const errors: { path: string; message: string; code: string; params: Record<string, string | number> }[] = [];
  const queries = hashes.map((h, i): MatchQuery => {
    const checked = checkSignal(h.hash, h.type);
    if ('error' in checked) {
      errors.push({ path: `body.hashes.${i}.hash`, message: checked.error, code: checked.code, params: checked.params });
      return { signalType: 'pdq', hash: '' };
    }
    return { signalType: checked.signalType, hash: checked.hash, quality: h.quality };
  });
  if (errors.length > 0) throw new Problem(400, 'media.invalid_hash', `${errors.length} of ${hashes.length} hashes are malformed`, { errors });
  return queries;
}

async function matchUploads(request: FastifyRequest, ctx: AppContext) {
  const { files, fields } = await readUploads(request, ctx.config.uploadLimitBytes);
  const opts = formOptions(fields);
  const images = await analyzeUploads(files, { dihedral: opts.dihedral });
  const results = await matchImages(matcherFor(ctx.deps), images, opts);
  const actor = actorOf(request);
  await auditMatch(ctx.deps, actor, 'files', results, opts);
  const kept = await Promise.all(
    results.map((r, i) => quarantineIfAsked(ctx.deps, ctx.blobs, actor, { bytes: files[i]!.bytes, sha256: images[i]!.sha256 }, r.matches)),
  );
  return {
    results: results.map((r, i) => {
      const { dihedral: _variants, ...hashes } = images[i]!;
      return { file: { file: files[i]!.filename, ...hashes }, ...r, ...(kept[i] ? { quarantined: true } : {}) };
    }),
  };
}

export const postMatchEndpoint: Endpoint = (app, ctx) => {
  withMultipart(app, ctx, (scope) => {
    // Load the banks when the server is ready rather than on the first request; failures are retried then.
    scope.addHook('onReady', async () => {
      matcherFor(ctx.deps)
        .ensureFresh()
        .catch((err: unknown) => scope.log.warn({ err }, 'could not load the hash banks yet'));
    });
    scope.post(
      '/api/v1/match',
      {
        config: { access: { roles: ['admin', 'analyst', 'investigator'], apiKeyScopes: ['media:match'] } },
        schema: {
          tags: ['media'],
          summary:
            'Match up to 1,000 hashes (JSON) or uploaded images (multipart, with threshold/dihedral/banks as form fields) against the enabled banks. PDQ matches at distance <= threshold (default 31, at most 64); PDQ queries with quality < 50 are answered low_quality. Uploaded bytes are not stored, unless they match a bank with quarantineOnMatch: then they are kept sealed in the blob store.',
          consumes: ['application/json', 'multipart/form-data'],
          // Nullish so that multipart requests (no JSON body) pass validation; JSON is checked in full.
          body: body.nullish(),
          response: {
            200: z.object({ results: z.array(matchResultSchema) }),
            ...commonErrors,
            404: problemSchema,
            409: problemSchema,
            413: problemSchema,
            415: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request) => {
        if (request.isMultipart()) return matchUploads(request, ctx);
        if (!request.body) throw new Problem(400, 'validation.failed', 'send {"hashes": [...]} as JSON, or images as multipart/form-data');
        const { hashes, ...opts } = request.body;
        const queries = toQueries(hashes);
        const results = await matcherFor(ctx.deps).match(queries, opts);
        await auditMatch(ctx.deps, actorOf(request), 'hashes', results, opts);
        return { results: results.map((r, i) => ({ type: queries[i]!.signalType, hash: queries[i]!.hash, ...r })) };
      },
    );
  });
};
