import { z } from 'zod';

export const teamSchema = z.object({ id: z.string(), name: z.string(), memberIds: z.array(z.string()) }).meta({ id: 'Team' });
