import { z } from 'zod';
import { BANK_FORMATS, LINE_CODES, SIGNAL_TYPES } from '../../services/bankFormats.js';
import { humanText } from '../schemas.js';

/** Shapes shared by the bank endpoints. */
export const signalTypeSchema = z.enum(SIGNAL_TYPES);
export const bankFormatSchema = z.enum(BANK_FORMATS);
export const bankNameSchema = humanText(100);
export const entryParams = z.strictObject({ id: z.uuid(), entryId: z.uuid() });

export const bankSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    enabled: z.boolean(),
    quarantineOnMatch: z.boolean(),
    entryCount: z.number().int(),
    createdBy: z.string().describe('who created it: user:<id>, apiKey:<id> or cli'),
    createdByName: z.string().nullable().describe("the creator's e-mail or API key name"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'HashBank' });

export const bankEntrySchema = z
  .object({
    id: z.string(),
    bankId: z.string(),
    signalType: signalTypeSchema,
    hash: z.string(),
    quality: z.number().int().nullable(),
    category: z.string().nullable(),
    source: z.string().nullable(),
    note: z.string().nullable(),
    externalId: z.string().nullable(),
    enabled: z.boolean(),
    addedBy: z.string(),
    addedByName: z.string().nullable(),
    addedAt: z.string(),
  })
  .meta({ id: 'HashBankEntry' });

export const importReportSchema = z
  .object({
    read: z.number().int(),
    added: z.number().int(),
    duplicates: z.number().int(),
    invalid: z.array(
      z.object({
        line: z.number().int(),
        code: z.enum(LINE_CODES).describe('stable code for the reason, for translation'),
        params: z.record(z.string(), z.union([z.string(), z.number()])).describe('the values the reason names'),
        reason: z.string().describe('the reason in English'),
      }),
    ),
    invalidCount: z.number().int(),
  })
  .meta({ id: 'HashBankImportReport' });
