// Network signals applied to an already analysed item: the link graph changes after the text analysis (another ad
// with the same phone arrives), so the server re-applies these terms to the stored breakdown instead of re-reading
// the text. logit = bias + Σ stored non-network contributions + Σ network terms, as riskScore computes it.
import { contextFeatures, DEFAULT_RISK_CONFIG, entityWeight, type BreakdownEntry, type EntityFeature, type EntitySignals, type RiskConfig } from './score.js';
import { contextEntry, NETWORK_SIGNAL_TEXT, round, sigmoid } from './terms.js';

/** The entity features the link graph sets (the others come from the text). */
export const NETWORK_FEATURES = [
  'entity.phone-shared-ads',
  'entity.phone-shared-cities',
  'entity.phone-shared-names',
  'entity.templated-text',
] as const satisfies readonly EntityFeature[];

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
    added.push(contextEntry('entity', id, entityWeight(config, id), value, NETWORK_SIGNAL_TEXT[id](signals)));
  }
  const entries = [...kept, ...added].sort((a, b) => b.contribution - a.contribution || a.id.localeCompare(b.id));
  let logit = config.bias;
  for (const e of entries) logit += e.contribution;
  return { score: round(sigmoid(logit)), logit: round(logit), breakdown: entries };
}
