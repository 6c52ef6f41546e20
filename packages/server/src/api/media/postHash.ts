import { z } from 'zod';
import { appendAudit } from '../../services/auditService.js';
import { Problem } from '../../services/problem.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { imageHashesSchema } from './schemas.js';
import { analyzeUploads, readUploads, withMultipart } from './uploads.js';

export const postHashEndpoint: Endpoint = (app, ctx) => {
  withMultipart(app, ctx, (scope) => {
    scope.post(
      '/api/v1/hash',
      {
        config: { access: { roles: ['admin', 'analyst', 'investigator'], apiKeyScopes: ['media:match'] } },
        schema: {
          tags: ['media'],
          summary: 'Hash uploaded images (multipart/form-data, one or more files): PDQ with quality, MD5, SHA-256. The bytes are not stored.',
          consumes: ['multipart/form-data'],
          response: {
            200: z.object({ files: z.array(imageHashesSchema) }),
            ...commonErrors,
            413: problemSchema,
            415: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw new Problem(415, 'request.unsupported_media_type', 'send the images as multipart/form-data');
        const { files } = await readUploads(request, ctx.config.uploadLimitBytes);
        const analyses = await analyzeUploads(files);
        await appendAudit(ctx.deps, actorOf(request), { action: 'media.hash', details: { files: files.length } });
        return {
          files: analyses.map((a, i) => ({ file: files[i]!.filename, pdq: a.pdq, quality: a.quality, md5: a.md5, sha256: a.sha256, width: a.width, height: a.height })),
        };
      },
    );
  });
};
