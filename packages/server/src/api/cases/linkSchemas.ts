import { z } from 'zod';
import { LINK_TARGET_TYPES } from '../../services/cases/caseLinks.js';

export const linkSchema = z.object({ caseId: z.string(), type: z.string(), id: z.string(), createdAt: z.string() }).meta({ id: 'CaseLink' });
export const target = z.strictObject({ type: z.enum(LINK_TARGET_TYPES), id: z.string().min(1).max(100) });
