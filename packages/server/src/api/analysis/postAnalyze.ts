import { score, TEXT_MAX_CHARS, type CountryCode } from '@centinela/core';
import { z } from 'zod';
import type { Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { scoreResultSchema } from './schemas.js';

/** Room for TEXT_MAX_CHARS of text even when every character is JSON-escaped; longer texts are cut, larger bodies refused (413). */
export const ANALYZE_BODY_LIMIT_BYTES = 512 * 1024;

const body = z.strictObject({
  text: z.string(),
  region: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
    .optional(),
  language: z.enum(['es', 'en', 'pt']).optional(),
});

export const postAnalyzeEndpoint: Endpoint = (app, ctx) => {
  // CENTINELA_RISK_CONFIG when set, else core's shipped priors.
  const riskConfig = ctx.config.riskConfig;
  app.post(
    '/api/v1/analyze',
    {
      config: { access: { roles: ['admin', 'analyst', 'investigator'] } },
      bodyLimit: ANALYZE_BODY_LIMIT_BYTES,
      schema: {
        tags: ['analysis'],
        summary: `Indicators, entities and the explained risk score of a text; nothing is stored. Texts are cut at ${TEXT_MAX_CHARS} characters (\`truncated\`).`,
        body,
        response: { 200: scoreResultSchema, ...commonErrors, 413: problemSchema },
      },
    },
    // Pure and bounded by the cut: cheap enough to answer in the request, unlike stored items.
    async (request) =>
      score(request.body.text, {
        ...(request.body.region ? { defaultRegion: request.body.region as CountryCode } : {}),
        ...(request.body.language ? { language: request.body.language } : {}),
        ...(riskConfig !== undefined ? { config: riskConfig } : {}),
      }),
  );
};
