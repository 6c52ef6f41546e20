// Network signals applied to an already analysed item: the link graph changes after the text analysis (another ad
// with the same phone arrives), so the server re-applies these terms to the stored breakdown instead of re-reading
// the text. logit = bias + Σ stored non-network contributions + Σ network terms, as riskScore computes it.
import { contextFeatures, DEFAULT_RISK_CONFIG, entityWeight, type BreakdownEntry, type EntityFeature, type EntitySignals, type RiskConfig } from './score.js';

/** The entity features the link graph sets (the others come from the text). */
export const NETWORK_FEATURES: readonly EntityFeature[] = [
  'entity.phone-shared-ads',
  'entity.phone-shared-cities',
  'entity.phone-shared-names',
  'entity.templated-text',
];

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;
const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

const DESCRIBE: Record<string, (s: EntitySignals) => string> = {
  'entity.phone-shared-ads': (s) => `The phone appears in ${s.adsSharingPhone ?? 0} ads`,
  'entity.phone-shared-cities': (s) => `The phone appears in ads from ${s.citiesSharingPhone ?? 0} cities`,
  'entity.phone-shared-names': (s) => `The phone is used with ${s.namesSharingPhone ?? 0} different names`,
  'entity.templated-text': (s) => `The text follows a template shared by at least ${s.templatedClusterSize ?? 0} ads`,
};

/**
 * Replaces the network terms of a stored breakdown with those of `signals` and recomputes the score.
 * Idempotent: applying the same signals twice gives the same result.
 */
export function applyNetworkSignals(
  breakdown: readonly BreakdownEntry[],
  signals: EntitySignals,
  config: RiskConfig = DEFAULT_RISK_CONFIG,
): { score: number; logit: number; breakdown: BreakdownEntry[] } {
  const kept = breakdown.filter((e) => !(NETWORK_FEATURES as readonly string[]).includes(e.id));
  const x = contextFeatures({ entitySignals: signals }, config);
  const added: BreakdownEntry[] = [];
  for (const id of NETWORK_FEATURES) {
    const value = x[id];
    if (value === 0) continue;
    const weight = entityWeight(config, id);
    added.push({
      source: 'entity',
      id,
      weight,
      value: round(value),
      contribution: round(weight * value),
      capped: false,
      explanation: `${(DESCRIBE[id] as (s: EntitySignals) => string)(signals)} (weight ${weight} × ${round(value, 2)})`,
    });
  }
  const entries = [...kept, ...added].sort((a, b) => b.contribution - a.contribution || a.id.localeCompare(b.id));
  let logit = config.bias;
  for (const e of entries) logit += e.contribution;
  return { score: round(sigmoid(logit)), logit: round(logit), breakdown: entries };
}
