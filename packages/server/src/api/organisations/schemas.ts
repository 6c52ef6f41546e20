import { z } from 'zod';
import { SERVICE_KINDS } from '../../services/cases/organisationService.js';

export const organisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    country: z.string().nullable(),
    services: z.array(z.enum(SERVICE_KINDS)),
    eligibility: z.object({
      sexes: z.array(z.string()).optional(),
      minAge: z.number().int().optional(),
      maxAge: z.number().int().optional(),
      exploitation: z.array(z.string()).optional(),
      notes: z.string().optional(),
    }),
  })
  .meta({ id: 'Organisation' });
