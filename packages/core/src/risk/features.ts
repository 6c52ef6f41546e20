// Feature vectors for fitting: the same x values the scorer uses, in a fixed column order, and the way back from
// fitted weights to a RiskConfig.
import { INDICATOR_CATALOG } from '../text/index.js';
import type { LogisticFit } from './fit.js';
import { contextFeatures, DEFAULT_RISK_CONFIG, indicatorValue, type EntityFeature, type MediaFeature, type RiskConfig, type RiskInput } from './score.js';

const ENTITY_FEATURES: readonly EntityFeature[] = [
  'entity.obfuscated-phone',
  'entity.phone-shared-ads',
  'entity.phone-shared-cities',
  'entity.phone-shared-names',
  'entity.templated-text',
];
const MEDIA_FEATURES: readonly MediaFeature[] = ['media.bank-match'];

/** Column order of {@link featureVector}: every catalog indicator, then entity and media features. */
export const RISK_FEATURE_IDS: readonly string[] = [
  ...Object.keys(INDICATOR_CATALOG).sort(),
  ...ENTITY_FEATURES,
  ...MEDIA_FEATURES,
];

/** What {@link featureVector} needs: indicator ids (from `matchIndicators` or `score`) plus the context. */
export type FeatureInput = Omit<RiskInput, 'indicators'> & { indicators: readonly { id: string; quoted?: boolean }[] };

/** x for one item, in the order of `ids` (default {@link RISK_FEATURE_IDS}). Indicators are 0/1 (0.5 when only
 * quoted), as in the scorer. */
export function featureVector(input: FeatureInput, ids: readonly string[] = RISK_FEATURE_IDS, config: RiskConfig = DEFAULT_RISK_CONFIG): number[] {
  const present = new Map(input.indicators.map((m) => [m.id, indicatorValue(m)]));
  const context: Record<string, number> = contextFeatures(input, config);
  return ids.map((id) => context[id] ?? present.get(id) ?? 0);
}

export interface ConfigFromFitOptions {
  /** Version string of the new config (e.g. "fit-2025-06-01-hotline-a"; core has no clock, so the caller names it). */
  version: string;
  /** Keep the prior caps (default false: a fitted model already weighs correlated cues, caps would distort it). */
  keepCaps?: boolean;
}

/** Turns a fit over columns `ids` into a RiskConfig; features missing from `ids` keep the base weights. */
export function configFromFit(fit: LogisticFit, ids: readonly string[], options: ConfigFromFitOptions, base: RiskConfig = DEFAULT_RISK_CONFIG): RiskConfig {
  if (fit.weights.length !== ids.length) throw new RangeError(`configFromFit: ${fit.weights.length} weights for ${ids.length} ids`);
  const indicatorWeights: Record<string, number> = { ...base.indicatorWeights };
  const entityWeights: Record<EntityFeature, number> = { ...base.entityWeights };
  const mediaWeights: Record<MediaFeature, number> = { ...base.mediaWeights };
  ids.forEach((id, k) => {
    const w = fit.weights[k] ?? 0;
    if ((ENTITY_FEATURES as readonly string[]).includes(id)) entityWeights[id as EntityFeature] = w;
    else if ((MEDIA_FEATURES as readonly string[]).includes(id)) mediaWeights[id as MediaFeature] = w;
    else indicatorWeights[id] = w;
  });
  return {
    ...base,
    version: options.version,
    bias: fit.bias,
    indicatorWeights,
    entityWeights,
    mediaWeights,
    categoryCaps: options.keepCaps === true ? base.categoryCaps : {},
    weakEvidenceCap: options.keepCaps === true ? base.weakEvidenceCap : Number.POSITIVE_INFINITY,
  };
}
