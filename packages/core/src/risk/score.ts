/**
 * Risk score: a logistic combination of indicator, entity and media features with per-category caps.
 *
 *   logit = bias + Σ_categories min(cap_c, Σ_{i∈c} w_i·x_i) + Σ_entity w_j·x_j + Σ_media w_k·x_k
 *   score = 1 / (1 + e^(−logit))
 *
 * Indicators are binary (present or not: repeating a word adds nothing); one whose every occurrence is in quotation
 * marks (a mention, as in a news text or a warning) counts as x = 0.5. Caps apply to the positive part of each
 * category (separately to its strong and its `weak`-evidence cues) and then to the total of all weak-evidence
 * cues, so many weak cues never outweigh one strong cue and adding a cue never lowers the score.
 * Every term is listed in the breakdown with its weight, value, contribution and the matched spans.
 * See README.md for where the default weights come from and how to refit them on labelled data.
 */
import type { Entity } from '../entities/index.js';
import type { EvidenceLevel, IndicatorCategory, IndicatorMatch, IndicatorSpan } from '../text/index.js';
import { contextEntry, NETWORK_SIGNAL_TEXT, round, sigmoid } from './terms.js';

export interface EntitySignals {
  /** A phone written to evade matching. Also derived from extracted entities when they are given. */
  obfuscatedPhone?: boolean;
  /** Ads (this one included) that carry the same phone, from the link graph. */
  adsSharingPhone?: number;
  /** Distinct cities those ads are posted in. */
  citiesSharingPhone?: number;
  /** Distinct names those ads use. */
  namesSharingPhone?: number;
  /** Items in the ad's template cluster (this one included): many ads written from one template. */
  templatedClusterSize?: number;
}

export interface MediaSignals {
  /** Images of the item that matched a hash bank. */
  bankMatches?: number;
  /** Smallest PDQ Hamming distance among the matches. */
  minDistance?: number;
}

export type EntityFeature =
  | 'entity.obfuscated-phone'
  | 'entity.phone-shared-ads'
  | 'entity.phone-shared-cities'
  | 'entity.phone-shared-names'
  | 'entity.templated-text';
export type MediaFeature = 'media.bank-match';

export interface RiskConfig {
  /** Reported with each score so it can be reproduced. */
  version: string;
  /** Log-odds of an ad with no feature at all. */
  bias: number;
  /** Overrides of the lexicon weights by indicator id (a refit writes them here). */
  indicatorWeights: Readonly<Record<string, number>>;
  /** Maximum positive log-odds one category can add (applied to its strong and weak cues separately).
   * Missing = uncapped. */
  categoryCaps: Readonly<Partial<Record<IndicatorCategory, number>>>;
  /** Maximum positive log-odds all `weak`-evidence indicators together can add. */
  weakEvidenceCap: number;
  entityWeights: Readonly<Record<EntityFeature, number>>;
  mediaWeights: Readonly<Record<MediaFeature, number>>;
  /** log2 counts (ads, cities, names sharing a phone) are capped here: 32 ads are not twice as bad as 16. */
  maxLog2Count: number;
  /** PDQ match threshold; the media feature falls from 1 at distance 0 to 0.5 at this distance. */
  mediaDistanceThreshold: number;
}

/** Shipped priors (see README.md, "Where the default weights come from"). */
export const DEFAULT_RISK_CONFIG: RiskConfig = {
  version: 'prior-1.0.0',
  bias: -3,
  indicatorWeights: {},
  categoryCaps: {
    youth: 4,
    'third-party': 2,
    'unprotected-services': 1.5,
    'incall-outcall': 0.2,
    availability: 0.5,
    nationality: 0.5,
    'obfuscated-contact': 0.8,
    movement: 0.2,
    control: 2.5,
    recruitment: 2.5,
    evasion: 1,
  },
  weakEvidenceCap: 0.6,
  entityWeights: {
    'entity.obfuscated-phone': 0.5,
    'entity.phone-shared-ads': 0.3,
    'entity.phone-shared-cities': 0.5,
    'entity.phone-shared-names': 0.6,
    'entity.templated-text': 0.3,
  },
  mediaWeights: { 'media.bank-match': 3 },
  maxLog2Count: 5,
  mediaDistanceThreshold: 31,
};

export interface BreakdownEntry {
  source: 'indicator' | 'entity' | 'media';
  id: string;
  category?: IndicatorCategory;
  evidence?: EvidenceLevel;
  /** Log-odds weight applied to the feature. */
  weight: number;
  /** Feature value x (1 for a present indicator, 0.5 when it only appears quoted; log2 of a count; match strength
   * for media). */
  value: number;
  /** Log-odds actually added after caps. */
  contribution: number;
  /** True when a cap reduced the contribution. */
  capped: boolean;
  spans?: IndicatorSpan[];
  explanation: string;
}

export interface RiskInput {
  indicators: readonly IndicatorMatch[];
  entities?: readonly Entity[];
  entitySignals?: EntitySignals;
  media?: MediaSignals;
}

export interface RiskResult {
  score: number;
  logit: number;
  bias: number;
  configVersion: string;
  /** Largest contribution first. */
  breakdown: BreakdownEntry[];
}

const log2Count = (n: number | undefined, max: number): number =>
  n === undefined || !Number.isFinite(n) || n <= 1 ? 0 : Math.min(Math.log2(n), max);

/** Feature value of a present indicator: {@link QUOTED_INDICATOR_VALUE} when every occurrence is quoted, else 1. */
export const QUOTED_INDICATOR_VALUE = 0.5;
export const indicatorValue = (m: { quoted?: boolean }): number => (m.quoted === true ? QUOTED_INDICATOR_VALUE : 1);

/** Unweighted feature values (x) for the entity and media terms. Shared by scoring and by fitting. */
export function contextFeatures(input: Omit<RiskInput, 'indicators'>, config: RiskConfig = DEFAULT_RISK_CONFIG): Record<EntityFeature | MediaFeature, number> {
  const s = input.entitySignals ?? {};
  const obfuscated = s.obfuscatedPhone === true || (input.entities ?? []).some((e) => e.type === 'phone' && e.obfuscated);
  const m = input.media ?? {};
  let media = 0;
  if ((m.bankMatches ?? 0) > 0) {
    const d = m.minDistance;
    const t = Math.max(1, config.mediaDistanceThreshold);
    media = d === undefined || !Number.isFinite(d) ? 1 : Math.max(0, 1 - 0.5 * Math.min(Math.max(d, 0), t) / t);
  }
  return {
    'entity.obfuscated-phone': obfuscated ? 1 : 0,
    'entity.phone-shared-ads': log2Count(s.adsSharingPhone, config.maxLog2Count),
    'entity.phone-shared-cities': log2Count(s.citiesSharingPhone, config.maxLog2Count),
    'entity.phone-shared-names': log2Count(s.namesSharingPhone, config.maxLog2Count),
    'entity.templated-text': log2Count(s.templatedClusterSize, config.maxLog2Count),
    'media.bank-match': media,
  };
}

/** Combines features into a score with a readable breakdown (see the module comment for the formula). */
export function riskScore(input: RiskInput, config: RiskConfig = DEFAULT_RISK_CONFIG): RiskResult {
  const entries: BreakdownEntry[] = [];

  // Indicators: binary features. Within each category the positive part is capped, separately for strong and for
  // weak-evidence cues; the weak parts are then capped together. Each step is a non-decreasing function of
  // disjoint sums, so adding a positive-weight indicator can never lower the score.
  const terms = input.indicators.map((m) => {
    const weight = config.indicatorWeights[m.id] ?? m.weight;
    const value = indicatorValue(m);
    return { m, weight, value, contribution: weight * value, capped: false };
  });
  // Groups by (category, weak or not), each list in indicator order. An ad has a handful of indicators: a linear
  // search beats building a string key per indicator.
  const groups: Array<{ category: IndicatorCategory; weak: boolean; list: typeof terms }> = [];
  for (const t of terms) {
    const weak = t.m.evidence === 'weak';
    let group: (typeof groups)[number] | undefined;
    for (const g of groups) {
      if (g.category === t.m.category && g.weak === weak) {
        group = g;
        break;
      }
    }
    if (group === undefined) groups.push({ category: t.m.category, weak, list: [t] });
    else group.list.push(t);
  }
  for (const { category, list } of groups) scalePositive(list, config.categoryCaps[category]);
  scalePositive(
    terms.filter((t) => t.m.evidence === 'weak'),
    config.weakEvidenceCap,
  );
  for (const t of terms) {
    const shown = t.m.spans.slice(0, 3).map((s) => `"${s.text}"`).join(', ');
    const quoted = t.value !== 1 ? `; only in quotation marks, counted at ${t.value} × weight` : '';
    const cap = t.capped ? `; reduced to ${round(t.contribution, 2)} by the ${t.m.category} / weak-evidence caps` : '';
    entries.push({
      source: 'indicator',
      id: t.m.id,
      category: t.m.category,
      evidence: t.m.evidence,
      weight: t.weight,
      value: t.value,
      contribution: round(t.contribution),
      capped: t.capped,
      spans: t.m.spans,
      explanation: `${t.m.label}: ${shown} (${t.m.evidence}, weight ${t.weight}${quoted}${cap})`,
    });
  }

  const x = contextFeatures(input, config);
  const s = input.entitySignals ?? {};
  // Explanations are built only for the terms that are present (most ads have one or none).
  const context: Array<[EntityFeature | MediaFeature, 'entity' | 'media', () => string]> = [
    ['entity.obfuscated-phone', 'entity', () => 'A phone number is written to evade search (words, styled or spread digits)'],
    ['entity.phone-shared-ads', 'entity', () => NETWORK_SIGNAL_TEXT['entity.phone-shared-ads'](s)],
    ['entity.phone-shared-cities', 'entity', () => NETWORK_SIGNAL_TEXT['entity.phone-shared-cities'](s)],
    ['entity.phone-shared-names', 'entity', () => NETWORK_SIGNAL_TEXT['entity.phone-shared-names'](s)],
    ['entity.templated-text', 'entity', () => NETWORK_SIGNAL_TEXT['entity.templated-text'](s)],
    [
      'media.bank-match',
      'media',
      () =>
        `${input.media?.bankMatches ?? 0} image(s) match a hash bank` +
        (input.media?.minDistance !== undefined ? ` (closest PDQ distance ${input.media.minDistance})` : ''),
    ],
  ];
  for (const [id, source, describe] of context) {
    const value = x[id];
    if (value === 0) continue;
    const weight = id === 'media.bank-match' ? config.mediaWeights[id] : entityWeight(config, id as EntityFeature);
    entries.push(contextEntry(source, id, weight, value, describe()));
  }

  let logit = config.bias;
  for (const t of terms) logit += t.contribution;
  for (const [id] of context) {
    const w = id === 'media.bank-match' ? config.mediaWeights[id] : entityWeight(config, id as EntityFeature);
    logit += w * x[id];
  }
  entries.sort((a, b) => b.contribution - a.contribution || a.id.localeCompare(b.id));
  return { score: round(sigmoid(logit)), logit: round(logit), bias: config.bias, configVersion: config.version, breakdown: entries };
}

/** An entity feature's weight; configs written before a feature existed use the shipped prior. */
export function entityWeight(config: RiskConfig, id: EntityFeature): number {
  return config.entityWeights[id] ?? DEFAULT_RISK_CONFIG.entityWeights[id];
}

/** Scales the positive contributions of `list` down proportionally so that they sum to at most `cap`. */
function scalePositive(list: Array<{ contribution: number; capped: boolean }>, cap: number | undefined): void {
  if (cap === undefined || !Number.isFinite(cap)) return;
  let positive = 0;
  for (const t of list) if (t.contribution > 0) positive += t.contribution;
  if (positive <= cap) return;
  const factor = Math.max(0, cap) / positive;
  for (const t of list) {
    if (t.contribution > 0) {
      t.contribution *= factor;
      t.capped = true;
    }
  }
}
