import { z } from 'zod';

/** Shapes of core's score JSON (`score()` in packages/core/src/risk), shared by POST /analyze and the item endpoints. */
export const textSpanSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).meta({ id: 'TextSpan' });
const offsetsSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const scoredIndicatorSchema = z
  .object({
    id: z.string(),
    category: z.string(),
    weight: z.number(),
    evidence: z.string(),
    label: z.string(),
    spans: z.array(textSpanSchema),
  })
  .meta({ id: 'ScoredIndicator' });

/** Every entity has type, value, normalized, start and end; the other fields belong to some types only. */
export const entitySchema = z
  .object({
    type: z.string(),
    value: z.string(),
    normalized: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    region: z.string().optional(),
    obfuscated: z.boolean().optional(),
    platform: z.string().optional(),
    chain: z.string().optional(),
    network: z.string().optional(),
    format: z.string().optional(),
    alsoValidFor: z.array(z.string()).optional(),
    username: z.string().optional(),
    kind: z.string().optional(),
    host: z.string().optional(),
  })
  .meta({ id: 'Entity' });

export const breakdownEntrySchema = z
  .object({
    source: z.string(),
    id: z.string(),
    category: z.string().optional(),
    evidence: z.string().optional(),
    weight: z.number(),
    value: z.number(),
    contribution: z.number(),
    capped: z.boolean(),
    spans: z.array(textSpanSchema).optional(),
    explanation: z.string(),
  })
  .meta({ id: 'ScoreContribution' });

export const hiddenCharactersSchema = z
  .object({
    present: z.boolean(),
    zeroWidth: z.number().int(),
    bidi: z.number().int(),
    otherInvisible: z.number().int(),
    homoglyphs: z.number().int(),
    reversed: z.boolean(),
    spans: z.array(offsetsSchema),
    homoglyphSpans: z.array(offsetsSchema),
  })
  .meta({ id: 'HiddenCharacters' });

export const scoreResultSchema = z
  .object({
    language: z.string(),
    languageConfidence: z.number().optional(),
    score: z.number(),
    indicators: z.array(scoredIndicatorSchema),
    entities: z.array(entitySchema),
    breakdown: z.array(breakdownEntrySchema),
    truncated: z.boolean(),
    hiddenCharacters: hiddenCharactersSchema,
    lexiconVersions: z.record(z.string(), z.string()),
    configVersion: z.string(),
  })
  .meta({ id: 'ScoreResult' });
