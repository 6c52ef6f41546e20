import { z } from 'zod';
import { ITEM_SOURCES } from '../../db/schema/item.js';
import { isoInstant } from '../../services/itemInput.js';
import { ITEM_SORTS } from '../../services/itemSearch.js';
import { breakdownEntrySchema, entitySchema, hiddenCharactersSchema, scoredIndicatorSchema } from '../analysis/schemas.js';
import { humanText } from '../schemas.js';

/** Shapes shared by the item endpoints. */
export const itemSourceSchema = z.enum(ITEM_SOURCES);

/** Why an investigator searches or reads: recorded in the audit log. */
export const accessReasonQuery = {
  purpose: humanText(500).optional(),
  legalBasis: humanText(200).optional(),
};

export const itemSummarySchema = z
  .object({
    id: z.string(),
    source: itemSourceSchema,
    url: z.string().nullable(),
    site: z.string().nullable(),
    title: z.string().nullable(),
    snippet: z.string(),
    indicators: z.array(z.object({ id: z.string(), category: z.string(), weight: z.number() })),
    postedAt: z.string().nullable(),
    capturedAt: z.string(),
    locationText: z.string().nullable(),
    priceText: z.string().nullable(),
    language: z.string().nullable(),
    riskScore: z.number().nullable(),
    analysedAt: z.string().nullable(),
    previousId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ItemSummary' });

/** An entity of a stored item: the type-specific fields are in `attributes`. */
const itemEntitySchema = entitySchema
  .pick({ type: true, value: true, normalized: true, start: true, end: true })
  .extend({ attributes: z.record(z.string(), z.unknown()) })
  .meta({ id: 'ItemEntity' });

export const itemDetailSchema = itemSummarySchema
  .omit({ snippet: true, indicators: true })
  .extend({
    text: z.string(),
    mediaRefs: z.array(z.string()),
    rawCaptureRef: z.string().nullable(),
    contentHash: z.string(),
    region: z.string().nullable(),
    ingestedBy: z.string(),
    updatedAt: z.string(),
    analysis: z
      .object({
        version: z.string(),
        textOffset: z.number().int(),
        indicators: z.array(scoredIndicatorSchema),
        entities: z.array(itemEntitySchema),
        details: z.object({
          breakdown: z.array(breakdownEntrySchema),
          truncated: z.boolean(),
          hiddenCharacters: hiddenCharactersSchema,
          lexiconVersions: z.record(z.string(), z.string()),
          configVersion: z.string(),
          languageConfidence: z.number().nullable(),
        }),
      })
      .nullable(),
  })
  .meta({ id: 'Item' });

export const ENTITY_TYPES = ['phone', 'email', 'wallet', 'handle', 'url'] as const;

export const itemListQuery = z.strictObject({
  minScore: z.coerce.number().min(0).max(1).optional(),
  maxScore: z.coerce.number().min(0).max(1).optional(),
  indicator: z.string().trim().min(1).max(100).optional(),
  entityType: z.enum(ENTITY_TYPES).optional(),
  entity: z.string().trim().min(1).max(500).optional(),
  site: z.string().trim().toLowerCase().min(1).max(253).optional(),
  language: z.string().trim().min(2).max(8).optional(),
  source: itemSourceSchema.optional(),
  capturedFrom: isoInstant.optional(),
  capturedTo: isoInstant.optional(),
  postedFrom: isoInstant.optional(),
  postedTo: isoInstant.optional(),
  sort: z.enum(ITEM_SORTS).default('captured'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...accessReasonQuery,
});
