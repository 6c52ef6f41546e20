// `score(text)`: the top-level ad analysis behind `centinela score` and POST /api/v1/analyze — indicators,
// entities and the explained risk score in one JSON-ready object.
import { extractEntities, type CountryCode, type Entity } from '../entities/index.js';
import {
  matchNormalized,
  TEXT_MAX_CHARS,
  type EvidenceLevel,
  type HiddenCharacterReport,
  type IndicatorCategory,
  type IndicatorSpan,
  type MatchIndicatorsOptions,
  type TextLanguage,
} from '../text/index.js';
import { normalizeTextTransient } from '../text/normalize.js';
import { DEFAULT_RISK_CONFIG, riskScore, type BreakdownEntry, type EntitySignals, type MediaSignals, type RiskConfig } from './score.js';

export interface ScoreOptions extends MatchIndicatorsOptions {
  /** Region for phone numbers written without a country code (site or call default). */
  defaultRegion?: CountryCode;
  /** Link-graph signals, when known (computed later by the server). */
  entitySignals?: EntitySignals;
  /** Hash-bank matches of the item's images, when known. */
  media?: MediaSignals;
  config?: RiskConfig;
}

export interface ScoredIndicator {
  id: string;
  category: IndicatorCategory;
  /** Weight actually used (config override or lexicon prior). */
  weight: number;
  evidence: EvidenceLevel;
  label: string;
  spans: IndicatorSpan[];
  /** Present when every occurrence is in quotation marks (counted at half weight). */
  quoted?: true;
}

export interface ScoreResult {
  language: TextLanguage;
  languageConfidence?: number;
  /** Risk in [0, 1]. */
  score: number;
  indicators: ScoredIndicator[];
  entities: Entity[];
  breakdown: BreakdownEntry[];
  truncated: boolean;
  hiddenCharacters: HiddenCharacterReport;
  lexiconVersions: Record<string, string>;
  configVersion: string;
}

/** Analyses one ad. Pure and deterministic; never throws on any string. */
export function score(text: string, options: ScoreOptions = {}): ScoreResult {
  const config = options.config ?? DEFAULT_RISK_CONFIG;
  const maxChars = options.maxChars ?? TEXT_MAX_CHARS;
  // The normalised text does not outlive this call: its offset maps can reuse buffers.
  const norm = normalizeTextTransient(text, { maxChars });
  const found = matchNormalized(norm, options);
  // Entities run on the same truncated text, so every span in the result indexes the same string.
  const entities = extractEntities(norm.source, {
    maxChars,
    ...(options.defaultRegion !== undefined ? { defaultRegion: options.defaultRegion } : {}),
  });
  const risk = riskScore(
    {
      indicators: found.matches,
      entities,
      ...(options.entitySignals !== undefined ? { entitySignals: options.entitySignals } : {}),
      ...(options.media !== undefined ? { media: options.media } : {}),
    },
    config,
  );
  const result: ScoreResult = {
    language: found.language,
    score: risk.score,
    indicators: found.matches.map((m) => ({
      id: m.id,
      category: m.category,
      weight: config.indicatorWeights[m.id] ?? m.weight,
      evidence: m.evidence,
      label: m.label,
      spans: m.spans,
      ...(m.quoted === true ? { quoted: true as const } : {}),
    })),
    entities,
    breakdown: risk.breakdown,
    truncated: found.truncated,
    hiddenCharacters: found.hiddenCharacters,
    lexiconVersions: found.lexiconVersions,
    configVersion: risk.configVersion,
  };
  if (found.languageConfidence !== undefined) result.languageConfidence = found.languageConfidence;
  return result;
}

/** Alias of {@link score} for call sites where `score` would shadow a variable. */
export const scoreText = score;
