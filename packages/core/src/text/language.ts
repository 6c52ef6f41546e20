// Language detection with franc-min restricted to Spanish, English and Portuguese. Returns 'und' when the text
// has too few letters or the best two languages score too close to call; callers then run every lexicon.
import { francAll } from 'franc-min';
import type { LexiconLanguage } from './lexicon.js';

export type TextLanguage = LexiconLanguage | 'und';

export interface LanguageGuess {
  language: TextLanguage;
  /** Margin between franc's best and second-best normalised scores (0 = a tie, 1 = no contest). */
  confidence: number;
  /** Second-best language when the call was close (margin below `closeCall`): callers also run its lexicon,
   * because franc confuses Spanish and Portuguese on short ads. */
  runnerUp?: LexiconLanguage;
}

export interface DetectLanguageOptions {
  /** Fewer letters than this → 'und'. Default 24: franc is unreliable on a few words. */
  minLetters?: number;
  /** A margin below this → 'und'. Default 0.03 (Spanish and Portuguese are close). */
  minMargin?: number;
  /** Characters of cleaned text given to franc. Default 200: on invented ads it decided as often as longer samples
   * with no errors, at two thirds of the cost (franc's margin also shrinks as samples grow). */
  sampleChars?: number;
  /** A margin below this reports the runner-up too. Default 0.15. */
  closeCall?: number;
}

const FRANC_TO_LANGUAGE: Readonly<Record<string, LexiconLanguage>> = { spa: 'es', eng: 'en', por: 'pt' };
const ONLY = ['spa', 'eng', 'por'];

// URLs, e-mails, handles and numbers carry no language and would skew trigram counts.
const NOISE = /https?:\/\/\S+|www\.\S+|\S+@\S+|[@#]\w+|[0-9]+|[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const LETTER = /\p{L}/gu;

export function detectLanguage(text: string, options: DetectLanguageOptions = {}): LanguageGuess {
  const minLetters = options.minLetters ?? 24;
  const minMargin = options.minMargin ?? 0.03;
  const sampleChars = options.sampleChars ?? 200;
  // Clean a bounded prefix only: detection cost must not grow with text length.
  const sample = text.slice(0, sampleChars * 3).replace(NOISE, ' ').replace(/\s+/g, ' ').trim().slice(0, sampleChars);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < minLetters) return { language: 'und', confidence: 0 };
  const ranked = francAll(sample, { only: ONLY, minLength: 1 });
  const best = ranked[0];
  const language = best === undefined ? undefined : FRANC_TO_LANGUAGE[best[0]];
  if (best === undefined || language === undefined) return { language: 'und', confidence: 0 };
  const margin = Math.max(0, Math.min(1, best[1] - (ranked[1]?.[1] ?? 0)));
  if (margin < minMargin) return { language: 'und', confidence: margin };
  const second = ranked[1] === undefined ? undefined : FRANC_TO_LANGUAGE[ranked[1][0]];
  if (second !== undefined && margin < (options.closeCall ?? 0.15)) return { language, confidence: margin, runnerUp: second };
  return { language, confidence: margin };
}
