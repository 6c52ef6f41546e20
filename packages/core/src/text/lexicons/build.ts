// Joins per-language patterns with the shared catalog into a full Lexicon (every indicator with all its fields).
import type { IndicatorDefinition, Lexicon, LexiconLanguage } from '../lexicon.js';
import { INDICATOR_CATALOG, type IndicatorId } from './catalog.js';

export interface PatternSet {
  words?: readonly string[];
  emoji?: readonly string[];
  regex?: readonly string[];
}

export type LanguagePatterns = Partial<Record<IndicatorId, PatternSet>>;

export function buildLexicon(language: LexiconLanguage | 'any', version: string, patterns: LanguagePatterns): Lexicon {
  const indicators: IndicatorDefinition[] = [];
  for (const [id, set] of Object.entries(patterns) as Array<[IndicatorId, PatternSet]>) {
    const meta = INDICATOR_CATALOG[id];
    indicators.push({ id, ...meta, ...set });
  }
  return { language, version, indicators };
}
