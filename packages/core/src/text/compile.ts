// Compiles a lexicon into regular expressions, once per lexicon object:
// - `scan`: one global regex over every pattern of the lexicon, used only to find candidate positions fast;
// - `indicators`: one sticky regex per indicator, run only at candidate positions, so that every indicator
//   starting at the same word is found ("visiting" and "visiting your city" are two indicators).
// Word patterns share one leading word-boundary lookbehind: per-alternative lookbehinds made V8 ~3× slower.
import type { IndicatorDefinition, Lexicon } from './lexicon.js';
import { normalizeText } from './normalize.js';

export interface CompiledIndicator {
  indicator: IndicatorDefinition;
  /** Sticky regex: set `lastIndex` to a candidate position and exec. */
  regex: RegExp;
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  /** Global regex matching wherever any pattern of the lexicon starts. */
  scan: RegExp;
  indicators: readonly CompiledIndicator[];
  /** Indicators worth trying at a position, by the folded text's UTF-16 unit there (most fail on the first char). */
  byFirstUnit: ReadonlyMap<number, readonly CompiledIndicator[]>;
  /** Indicators with regex patterns, whose first character is not known: tried everywhere. */
  anywhere: readonly CompiledIndicator[];
}

// Between the words of a phrase: up to three spaces, hyphens, dots, underscores or asterisks, or none at all
// ("sin_condon", "sin.condon", "sincondon" all match "sin condón").
const SEPARATOR = '[\\s\\-_.*]{0,3}';
const BEFORE = '(?<![a-z0-9])';
const AFTER = '(?![a-z0-9])';

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Folds a lexicon phrase the way text is folded, so "recién" in a lexicon matches "RECIEN" in an ad. */
export function foldPattern(phrase: string): string {
  return normalizeText(phrase, { leet: false }).text.trim();
}

interface Alternatives {
  /** Word-bounded alternatives (the shared leading boundary is added by the caller). */
  bounded: string[];
  /** Emoji and symbols, matched anywhere. */
  free: string[];
}

function alternatives(ind: IndicatorDefinition): Alternatives {
  const bounded: Array<{ src: string; len: number }> = [];
  for (const w of ind.words ?? []) {
    const tokens = foldPattern(w).split(/[\s\-]+/).filter((t) => t !== '');
    if (tokens.length > 0) bounded.push({ src: tokens.map(escapeRegex).join(SEPARATOR) + AFTER, len: w.length });
  }
  for (const r of ind.regex ?? []) bounded.push({ src: `(?:${r})${AFTER}`, len: r.length });
  // Longer alternatives first: an alternation takes the first that matches, and we want the whole phrase.
  bounded.sort((a, b) => b.len - a.len);
  const free = (ind.emoji ?? []).map((e) => escapeRegex(foldPattern(e))).filter((e) => e !== '');
  return { bounded: [...new Set(bounded.map((a) => a.src))], free: [...new Set(free)] };
}

/** Builds `(?<![a-z0-9])(?:A|B)|E` over `indicators` (no capturing groups). */
function build(indicators: readonly IndicatorDefinition[]): string {
  const bounded: string[] = [];
  const free: string[] = [];
  for (const ind of indicators) {
    const alt = alternatives(ind);
    bounded.push(...alt.bounded);
    free.push(...alt.free);
  }
  const parts: string[] = [];
  if (bounded.length > 0) parts.push(`${BEFORE}(?:${bounded.join('|')})`);
  if (free.length > 0) parts.push(free.join('|'));
  // A regex that never matches keeps callers simple when there is nothing to match.
  return parts.length > 0 ? parts.join('|') : '(?!)';
}

const cache = new WeakMap<Lexicon, CompiledLexicon>();

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const hit = cache.get(lexicon);
  if (hit !== undefined) return hit;
  const indicators = lexicon.indicators.map((indicator) => ({ indicator, regex: new RegExp(build([indicator]), 'y') }));
  const byFirstUnit = new Map<number, CompiledIndicator[]>();
  const anywhere: CompiledIndicator[] = [];
  for (const c of indicators) {
    const firsts = new Set<number>();
    let unknown = false;
    for (const p of [...(c.indicator.words ?? []), ...(c.indicator.emoji ?? [])]) {
      const folded = foldPattern(p);
      if (folded.length > 0) firsts.add(folded.charCodeAt(0));
    }
    for (const r of c.indicator.regex ?? []) {
      // A regex that starts with a plain, unquantified letter or digit can only match where that character is.
      if (/^[a-z0-9](?![?*{])/.test(r)) firsts.add(r.charCodeAt(0));
      else unknown = true;
    }
    if (unknown) anywhere.push(c);
    else for (const u of firsts) byFirstUnit.set(u, [...(byFirstUnit.get(u) ?? []), c]);
  }
  const compiled: CompiledLexicon = { lexicon, scan: new RegExp(build(lexicon.indicators), 'g'), indicators, byFirstUnit, anywhere };
  cache.set(lexicon, compiled);
  return compiled;
}
