import { z } from 'zod';
import { ENTITY_TYPES, NETWORK_SORTS } from '../../services/networkRead.js';
import { accessReasonQuery } from '../items/schemas.js';
import { humanText } from '../schemas.js';

/** Shapes shared by the network, cluster and entity endpoints. */
export const placeSchema = z.object({ id: z.string(), nameEs: z.string(), nameEn: z.string(), country: z.string(), lat: z.number(), lon: z.number() }).meta({ id: 'Place' });

export const networkListEntrySchema = z
  .object({
    id: z.string(),
    itemCount: z.number().int(),
    entityCount: z.number().int(),
    siteCount: z.number().int(),
    cityCount: z.number().int(),
    nameCount: z.number().int(),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    cities: z.array(placeSchema),
    sites: z.array(z.string()),
  })
  .meta({ id: 'NetworkSummary' });

export const networkItemSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    site: z.string().nullable(),
    url: z.string().nullable(),
    seenAt: z.string(),
    city: placeSchema.nullable(),
    locationText: z.string().nullable(),
    names: z.array(z.string()),
    riskScore: z.number().nullable(),
    clusterId: z.string().nullable(),
  })
  .meta({ id: 'NetworkItem' });

const counted = z.object({ id: z.string(), items: z.number().int() });
const entityCount = z.object({ type: z.string(), value: z.string(), items: z.number().int() });

export const networkDetailSchema = networkListEntrySchema
  .extend({
    names: z.array(z.string()),
    sitesDetail: z.array(z.object({ site: z.string(), items: z.number().int() })),
    citiesDetail: z.array(z.object({ city: placeSchema, items: z.number().int() })),
    entities: z.array(entityCount),
    clusters: z.array(counted),
    cadence: z.object({ posts: z.number(), firstSeen: z.string().nullable(), lastSeen: z.string().nullable(), medianGapHours: z.number().nullable(), postsPerWeek: z.number().nullable() }),
    timeline: z.array(z.object({ city: placeSchema, from: z.string(), to: z.string(), items: z.array(z.string()) })),
    items: z.array(networkItemSchema),
    excludedHubs: z.array(z.object({ type: z.string(), value: z.string(), reason: z.string(), itemCount: z.number().int(), siteCount: z.number().int() })),
    graph: z.object({
      nodes: z.array(z.object({ id: z.string(), kind: z.enum(['item', 'entity']), type: z.string(), label: z.string() })),
      edges: z.array(z.object({ source: z.string(), target: z.string() })),
    }),
    truncated: z.boolean(),
  })
  .meta({ id: 'NetworkDetail' });

const templatePartSchema = z.union([z.object({ kind: z.literal('text'), text: z.string() }), z.object({ kind: z.literal('slot'), id: z.number().int(), examples: z.array(z.string()) })]);

export const clusterDetailSchema = z
  .object({
    id: z.string(),
    size: z.number().int(),
    template: z.array(templatePartSchema),
    quality: z.object({ members: z.number(), bits: z.number(), nullBits: z.number(), ratio: z.number(), coverage: z.number(), textTokens: z.number(), slots: z.number() }),
    members: z.array(
      z.object({
        itemId: z.string(),
        title: z.string().nullable(),
        text: z.string(),
        fills: z.array(z.object({ slot: z.number().int(), text: z.string(), start: z.number().int(), end: z.number().int() })),
        edits: z.number(),
      }),
    ),
    networks: z.array(counted),
  })
  .meta({ id: 'ClusterDetail' });

export const entityDetailSchema = z
  .object({
    type: z.string(),
    value: z.string(),
    hub: z.object({ reason: z.string(), itemCount: z.number().int(), siteCount: z.number().int(), detectedAt: z.string() }).nullable(),
    itemCount: z.number().int(),
    items: z.array(networkItemSchema),
    networks: z.array(counted),
    clusters: z.array(counted),
    linked: z.array(entityCount),
    sites: z.array(z.string()),
    cities: z.array(placeSchema),
    names: z.array(z.string()),
  })
  .meta({ id: 'EntityDetail' });

export const networkListQuery = z.strictObject({
  minItems: z.coerce.number().int().min(1).max(1_000_000).default(2),
  entityType: z.enum(ENTITY_TYPES).optional(),
  entity: humanText(500).optional(),
  site: humanText(253).optional(),
  city: humanText(200).optional(),
  sort: z.enum(NETWORK_SORTS).default('size'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  ...accessReasonQuery,
});

export const readQuery = z.strictObject(accessReasonQuery);
export const NETWORK_ROLES = ['admin', 'analyst', 'investigator'] as const;
