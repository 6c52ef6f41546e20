// A fitted risk configuration as a JSON file (`centinela risk fit --out`), read back by CENTINELA_RISK_CONFIG.
// Core's RiskConfig has `weakEvidenceCap: Infinity` when the caps are removed; JSON has no Infinity, so the file
// writes `null` for "no cap" and the reader turns it back.
import { readFileSync } from 'node:fs';
import { DEFAULT_RISK_CONFIG, INDICATOR_CATALOG, INDICATOR_CATEGORIES, type RiskConfig } from '@centinela/core';
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const nonNegativeOrNull = z.number().min(0).nullable();

const fileSchema = z.strictObject({
  version: z.string().trim().min(1, 'version must be a non-empty string').max(200),
  bias: finite,
  indicatorWeights: z.record(z.string(), finite),
  categoryCaps: z.partialRecord(z.enum(INDICATOR_CATEGORIES), z.number().min(0)),
  weakEvidenceCap: nonNegativeOrNull,
  entityWeights: z.strictObject({
    'entity.obfuscated-phone': finite,
    'entity.phone-shared-ads': finite,
    'entity.phone-shared-cities': finite,
    'entity.phone-shared-names': finite,
    // Added with the link graph (issue 5): files written before it keep the prior.
    'entity.templated-text': finite.optional(),
  }),
  mediaWeights: z.strictObject({ 'media.bank-match': finite }),
  maxLog2Count: z.number().positive().max(64),
  mediaDistanceThreshold: z.number().positive().max(256),
});

/** The JSON form of a RiskConfig (what `centinela risk fit --out` writes). */
export type RiskConfigFile = z.input<typeof fileSchema>;

/** RiskConfig → JSON-safe object (an infinite weak-evidence cap becomes null). */
export function riskConfigToJson(config: RiskConfig): RiskConfigFile {
  return {
    version: config.version,
    bias: config.bias,
    indicatorWeights: { ...config.indicatorWeights },
    categoryCaps: { ...config.categoryCaps },
    weakEvidenceCap: Number.isFinite(config.weakEvidenceCap) ? config.weakEvidenceCap : null,
    entityWeights: { ...config.entityWeights },
    mediaWeights: { ...config.mediaWeights },
    maxLog2Count: config.maxLog2Count,
    mediaDistanceThreshold: config.mediaDistanceThreshold,
  };
}

/** Validates a parsed JSON value as a RiskConfig; throws an Error with a one-line reason. */
export function parseRiskConfig(value: unknown): RiskConfig {
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new Error(`${where}${issue?.message ?? 'not a risk configuration'}`);
  }
  const c = parsed.data;
  // A misspelt id would silently do nothing; an id a lexicon update removed needs a refit.
  const unknown = Object.keys(c.indicatorWeights).find((id) => !Object.hasOwn(INDICATOR_CATALOG, id));
  if (unknown !== undefined) throw new Error(`indicatorWeights: unknown indicator id "${unknown}" (not in the catalog)`);
  return {
    version: c.version,
    bias: c.bias,
    indicatorWeights: c.indicatorWeights,
    categoryCaps: c.categoryCaps,
    weakEvidenceCap: c.weakEvidenceCap ?? Number.POSITIVE_INFINITY,
    entityWeights: { ...c.entityWeights, 'entity.templated-text': c.entityWeights['entity.templated-text'] ?? DEFAULT_RISK_CONFIG.entityWeights['entity.templated-text'] },
    mediaWeights: c.mediaWeights,
    maxLog2Count: c.maxLog2Count,
    mediaDistanceThreshold: c.mediaDistanceThreshold,
  };
}

/** Reads and validates a risk configuration file; throws an Error with a one-line reason naming the file. */
export function readRiskConfigFile(file: string): RiskConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read ${file}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON`);
  }
  try {
    return parseRiskConfig(value);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

/**
 * The CENTINELA_RISK_CONFIG setting: a path that is read and validated at start-up (loadConfig), so a bad file
 * stops the process with one line naming the variable. Unset = the shipped priors (DEFAULT_RISK_CONFIG).
 */
export const riskConfigSetting = z
  .string()
  .min(1)
  .optional()
  .transform((file, ctx): RiskConfig | undefined => {
    if (file === undefined) return undefined;
    try {
      return readRiskConfigFile(file);
    } catch (err) {
      ctx.issues.push({ code: 'custom', message: (err as Error).message.split('\n')[0] ?? 'invalid', input: file });
      return z.NEVER;
    }
  });
