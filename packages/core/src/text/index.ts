// Text: normalisation, language detection and trafficking-indicator lexicons for ad text (es, en, pt).
export {
  normalizeText,
  toOriginalSpan,
  truncateText,
  TEXT_MAX_CHARS,
  type NormalizedText,
  type NormalizeOptions,
  type HiddenCharacterReport,
  type TextSpan,
} from './normalize.js';
export { detectLanguage, type TextLanguage, type LanguageGuess, type DetectLanguageOptions } from './language.js';
export {
  INDICATOR_CATEGORIES,
  validateLexicon,
  type Lexicon,
  type LexiconLanguage,
  type IndicatorDefinition,
  type IndicatorCategory,
  type EvidenceLevel,
} from './lexicon.js';
export { compileLexicon, foldPattern, type CompiledLexicon, type CompiledIndicator } from './compile.js';
export { isNegated, NEGATION_WINDOW_TOKENS } from './negation.js';
export {
  matchIndicators,
  matchNormalized,
  DEFAULT_LEXICONS,
  LEXICON_LANGUAGES,
  MAX_SPANS_PER_INDICATOR,
  type IndicatorMatch,
  type IndicatorSpan,
  type IndicatorResult,
  type MatchIndicatorsOptions,
} from './indicators.js';
export { INDICATOR_CATALOG, INDICATOR_CATALOG_VERSION, type IndicatorId, type CatalogEntry } from './lexicons/catalog.js';
export { ES_LEXICON } from './lexicons/es.js';
export { EN_LEXICON } from './lexicons/en.js';
export { PT_LEXICON } from './lexicons/pt.js';
export { SHARED_LEXICON } from './lexicons/shared.js';
