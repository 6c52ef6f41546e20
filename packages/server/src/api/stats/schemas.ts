import { z } from 'zod';

export const STATS_READERS = ['admin', 'analyst', 'investigator', 'caseworker', 'supervisor', 'statistician'] as const;

export const publicationSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.string(),
    method: z.string(),
    dimensions: z.array(z.string()),
    table: z.object({
      title: z.string(),
      dimensions: z.array(z.object({ name: z.string(), categories: z.array(z.string()).readonly() })).readonly(),
      cells: z.array(z.object({ key: z.array(z.string()).readonly(), value: z.number().nullable(), suppressed: z.boolean() })).readonly(),
      privacy: z.unknown().describe('method, k or ε, sensitivity, scale, noise variance, entries suppressed'),
    }),
    privacyStatement: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'StatsPublication' });
