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

// Pieces of regex patterns shared by the languages (folded text: lower case, no accents).

/** After a number of years: what makes it a duration, not a person's age ("10 años de experiencia", "15 anos no
 * mercado", "i'm 10 years in the business"). Placed right after the number or after the word for years. */
export const NOT_A_PERSONS_AGE =
  '(?! ?(?:(?:anos|years?|yrs?) )?(?:(?:de|of|en|in|no|na|em|del|do|da|como)(?: el| la| los| las| o| a| the)? )?' +
  '(?:experiencia|experience|exp|trayectoria|carrera|carreira|oficio|profesion|profissao|mercado|market|business|' +
  'negocio|negocios|servicio|servico|service|ramo|area|rubro|garantia|warranty|guarantee|trabajando|trabalhando|' +
  'working|atendiendo|atendendo|ensenando|ensinando|teaching|casad[oa]s|married)(?![a-z]))';

/** Right after the number: a duration word before it ("hace 10 años", "há 15 anos", "durante 12 años"). */
export const NOT_AFTER_TIME_WORD = '(?<!\\b(?:hace|durante|desde|ha|por|faz|for|over) 1[0-7])';
