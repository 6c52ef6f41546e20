import { DIHEDRAL_NAMES } from '@centinela/core';
import { z } from 'zod';
import { SIGNAL_TYPES } from '../../services/bankFormats.js';

export const imageHashesSchema = z
  .object({
    file: z.string(),
    pdq: z.string(),
    quality: z.number().int(),
    md5: z.string(),
    sha256: z.string(),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: 'ImageHashes' });

export const matchHitSchema = z
  .object({
    bank: z.string(),
    bankId: z.string(),
    entryId: z.string(),
    signalType: z.enum(SIGNAL_TYPES),
    category: z.string().nullable(),
    distance: z.number().int(),
    variant: z.enum(DIHEDRAL_NAMES).optional(),
  })
  .meta({ id: 'MatchHit' });

export const matchResultSchema = z
  .object({
    /** The query as understood: a hash, or an uploaded file and its hashes. */
    type: z.enum(SIGNAL_TYPES).optional(),
    hash: z.string().optional(),
    file: imageHashesSchema.optional(),
    status: z.enum(['matched', 'no_match', 'low_quality']),
    matches: z.array(matchHitSchema),
    quality: z.number().int().optional(),
    minQuality: z.number().int().optional(),
    truncated: z.boolean().optional(),
    /** An uploaded file that matched a bank asking for quarantine was kept, sealed. */
    quarantined: z.boolean().optional(),
  })
  .meta({ id: 'MatchResult' });
