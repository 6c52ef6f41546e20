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
  /** What the matcher runs (see {@link Candidate}); derived from `byFirstUnit` and `anywhere`, same results. */
  candidates: CandidateTable;
}

/**
 * One indicator to try where the folded text has a given UTF-16 unit. The regex keeps only the indicator's
 * alternatives that can start with that unit (in their original order, so the alternation picks the same one);
 * `second` and `boundedOnly` are cheap tests that skip positions where the regex could not match anyway.
 */
export interface Candidate {
  indicator: IndicatorDefinition;
  /** Sticky regex: set `lastIndex` to the position and exec. */
  regex: RegExp;
  /** Every alternative needs the word boundary `(?<![a-z0-9])`: skip positions right after a letter or digit. */
  boundedOnly: boolean;
  /** Units the next character must be (when every alternative starts with two known characters), else null. */
  second: ReadonlySet<number> | null;
}

/** Candidates by first unit, then by the unit after it. */
export interface CandidateLists {
  /** Candidates whose `second` allows this next unit (or is null), by next unit. */
  byNext: ReadonlyMap<number, readonly Candidate[]>;
  /** Candidates for any other next unit (those with `second === null`). */
  rest: readonly Candidate[];
}

export interface CandidateTable {
  /** Positions at a word boundary (not right after [a-z0-9]): every candidate, by first unit (< 128 here). */
  boundaryAscii: ReadonlyArray<CandidateLists | undefined>;
  boundaryOther: ReadonlyMap<number, CandidateLists>;
  /** Positions right after [a-z0-9]: only candidates with alternatives that need no boundary. */
  insideAscii: ReadonlyArray<CandidateLists | undefined>;
  insideOther: ReadonlyMap<number, CandidateLists>;
}

// Between the words of a phrase: up to three spaces, hyphens, dots, underscores or asterisks, or none at all
// ("sin_condon", "sin.condon", "sincondon" all match "sin condón"), but not a dot that ends a line: a phrase does not
// run across sentences ("protection always.\nAvailable now" is not "always available").
// The scan regex, which only finds positions worth trying, uses the looser separator (lookaheads there cost 2×).
const SEPARATOR = '(?![\\s\\-_*]?\\.\\s?\\n)[\\s\\-_.*]{0,3}';
const SCAN_SEPARATOR = '[\\s\\-_.*]{0,3}';
const BEFORE = '(?<![a-z0-9])';
const AFTER = '(?![a-z0-9])';

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Folds a lexicon phrase the way text is folded, so "recién" in a lexicon matches "RECIEN" in an ad. */
export function foldPattern(phrase: string): string {
  return normalizeText(phrase, { leet: false }).text.trim();
}

/** One alternative of an indicator's regex, with the literal text every match of it starts with ('' = unknown). */
interface Alternative {
  src: string;
  prefix: string;
}

interface Alternatives {
  /** Word-bounded alternatives (the shared leading boundary is added by the caller). */
  bounded: Alternative[];
  /** Emoji and symbols, matched anywhere. */
  free: Alternative[];
}

function uniqueBySource(list: readonly Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return list.filter((a) => !seen.has(a.src) && seen.add(a.src) !== undefined);
}

function alternatives(ind: IndicatorDefinition, separator: string = SEPARATOR): Alternatives {
  const bounded: Array<Alternative & { len: number }> = [];
  for (const w of ind.words ?? []) {
    const tokens = foldPattern(w).split(/[\s\-]+/).filter((t) => t !== '');
    // Tokens are literal; the separator between them may be empty, so only the first token is a sure prefix.
    if (tokens.length > 0) bounded.push({ src: tokens.map(escapeRegex).join(separator) + AFTER, len: w.length, prefix: tokens[0]! });
  }
  for (const r of ind.regex ?? []) bounded.push({ src: `(?:${r})${AFTER}`, len: r.length, prefix: regexPrefix(r) });
  // Longer alternatives first: an alternation takes the first that matches, and we want the whole phrase.
  bounded.sort((a, b) => b.len - a.len);
  const free = (ind.emoji ?? [])
    .map((e) => foldPattern(e))
    .map((e) => ({ src: escapeRegex(e), prefix: e }))
    .filter((e) => e.src !== '');
  return { bounded: uniqueBySource(bounded), free: uniqueBySource(free) };
}

/**
 * The literal characters every match of regex source `src` starts with: leading letters, digits, spaces, `'`
 * and `:` up to the first operator (a quantified character is left out), so that `src` is exactly that prefix
 * followed by the rest of the source. '' when unknown, e.g. when the source has a top-level alternation.
 */
export function regexPrefix(src: string): string {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return '';
  }
  let prefix = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (!/[a-z0-9 ':]/.test(ch)) break;
    const next = src[i + 1];
    // A quantified character is not a sure prefix (`+` would do, but stopping keeps the rest a valid regex).
    if (next === '?' || next === '*' || next === '{' || next === '+') break;
    prefix += ch;
  }
  return prefix;
}

/** Builds `(?<![a-z0-9])(?:A|B)|E` from alternatives (no capturing groups). */
function assemble(bounded: readonly Alternative[], free: readonly Alternative[]): string {
  const parts: string[] = [];
  if (bounded.length > 0) parts.push(`${BEFORE}(?:${bounded.map((a) => a.src).join('|')})`);
  if (free.length > 0) parts.push(free.map((a) => a.src).join('|'));
  // A regex that never matches keeps callers simple when there is nothing to match.
  return parts.length > 0 ? parts.join('|') : '(?!)';
}

/** Builds `(?<![a-z0-9])(?:A|B)|E` over `indicators` (no capturing groups). */
function build(indicators: readonly IndicatorDefinition[]): string {
  const bounded: Alternative[] = [];
  const free: Alternative[] = [];
  for (const ind of indicators) {
    const alt = alternatives(ind);
    bounded.push(...alt.bounded);
    free.push(...alt.free);
  }
  return assemble(bounded, free);
}

/** How many leading characters the scan regex shares between alternatives (measured: 2–3 is fastest in V8). */
const SCAN_TRIE_DEPTH = 2;

/**
 * The lexicon's scan regex: matches at every position where some alternative of some indicator matches (what
 * `build(lexicon.indicators)` matches, plus phrases across a line-ending full stop, which the indicators' own
 * regexes then reject), but with alternatives grouped by their first characters —
 * `m(?:e(?:nores…|nor…))|c(?:…)` instead of 500 flat alternatives that V8 would try one by one at every word. Only
 * the position of a match is used, so regrouping and reordering alternatives changes nothing.
 */
function scanRegex(indicators: readonly IndicatorDefinition[]): RegExp {
  const known: Array<{ literal: string; rest: string }> = [];
  const unknown: string[] = [];
  const free: string[] = [];
  for (const ind of indicators) {
    // Matches wherever the indicators' own regexes do, and a few more places, which they then reject.
    const alt = alternatives(ind, SCAN_SEPARATOR);
    for (const a of alt.bounded) {
      const literal = a.prefix;
      let rest: string | null = null;
      if (/^[a-z0-9]/.test(literal) && a.src.startsWith(escapeRegex(literal))) {
        rest = a.src.slice(escapeRegex(literal).length); // a word: literal first token, then the rest
      } else if (literal !== '' && a.src.startsWith('(?:') && a.src.endsWith(`)${AFTER}`)) {
        // A regex alternative `(?:r)(?![a-z0-9])` with no top-level `|` in r (else its prefix would be ''):
        // the same as `r(?![a-z0-9])`, and r begins with its literal prefix.
        const r = a.src.slice(3, a.src.length - AFTER.length - 1);
        if (r.startsWith(literal) && regexPrefix(r) === literal) rest = r.slice(literal.length) + AFTER;
      }
      if (rest === null) unknown.push(a.src);
      else known.push({ literal, rest });
    }
    for (const f of alt.free) free.push(f.src);
  }
  const trie = (items: ReadonlyArray<{ literal: string; rest: string }>, depth: number): string => {
    const groups = new Map<string, Array<{ literal: string; rest: string }>>();
    const whole: string[] = [];
    for (const it of items) {
      if (depth >= SCAN_TRIE_DEPTH || it.literal === '') whole.push(escapeRegex(it.literal) + it.rest);
      else {
        const head = it.literal[0]!;
        let list = groups.get(head);
        if (list === undefined) groups.set(head, (list = []));
        list.push({ literal: it.literal.slice(1), rest: it.rest });
      }
    }
    const parts = [...groups].map(([head, list]) => `${escapeRegex(head)}(?:${trie(list, depth + 1)})`);
    return [...parts, ...whole].join('|');
  };
  const bounded = [trie(known, 0), ...unknown].filter((x) => x !== '');
  const parts: string[] = [];
  if (bounded.length > 0) parts.push(`${BEFORE}(?:${bounded.join('|')})`);
  if (free.length > 0) parts.push(free.join('|'));
  return new RegExp(parts.length > 0 ? parts.join('|') : '(?!)', 'g');
}

/** The candidate for `indicator` at positions whose unit is `unit`, or null when no alternative can start there. */
function candidate(indicator: IndicatorDefinition, full: RegExp, unit: number): Candidate | null {
  const alt = alternatives(indicator);
  const fits = (a: Alternative): boolean => a.prefix === '' || a.prefix.charCodeAt(0) === unit;
  const bounded = alt.bounded.filter(fits);
  const free = alt.free.filter(fits);
  if (bounded.length === 0 && free.length === 0) return null;
  const all = bounded.length === alt.bounded.length && free.length === alt.free.length;
  let second: Set<number> | null = new Set<number>();
  for (const a of [...bounded, ...free]) {
    if (a.prefix.length < 2) {
      second = null;
      break;
    }
    second.add(a.prefix.charCodeAt(1));
  }
  return {
    indicator,
    regex: all ? full : new RegExp(assemble(bounded, free), 'y'),
    boundedOnly: free.length === 0,
    second,
  };
}

/** Splits candidates (in order) by the unit after the first; order within each list is kept. */
function byNextUnit(candidates: readonly Candidate[]): CandidateLists {
  const nexts = new Set<number>();
  for (const c of candidates) for (const u of c.second ?? []) nexts.add(u);
  const byNext = new Map<number, Candidate[]>();
  for (const u of nexts) byNext.set(u, candidates.filter((c) => c.second === null || c.second.has(u)));
  return { byNext, rest: candidates.filter((c) => c.second === null) };
}

function candidateTable(byFirstUnit: ReadonlyMap<number, readonly CompiledIndicator[]>): CandidateTable {
  const boundaryAscii = new Array<CandidateLists | undefined>(128).fill(undefined);
  const insideAscii = new Array<CandidateLists | undefined>(128).fill(undefined);
  const boundaryOther = new Map<number, CandidateLists>();
  const insideOther = new Map<number, CandidateLists>();
  for (const [unit, list] of byFirstUnit) {
    const all: Candidate[] = [];
    for (const c of list) {
      const cand = candidate(c.indicator, c.regex, unit);
      if (cand !== null) all.push(cand);
    }
    const inside = all.filter((c) => !c.boundedOnly);
    if (all.length > 0) {
      if (unit < 128) boundaryAscii[unit] = byNextUnit(all);
      else boundaryOther.set(unit, byNextUnit(all));
    }
    if (inside.length > 0) {
      if (unit < 128) insideAscii[unit] = byNextUnit(inside);
      else insideOther.set(unit, byNextUnit(inside));
    }
  }
  return { boundaryAscii, boundaryOther, insideAscii, insideOther };
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
  const compiled: CompiledLexicon = {
    lexicon,
    scan: scanRegex(lexicon.indicators),
    indicators,
    byFirstUnit,
    anywhere,
    candidates: candidateTable(byFirstUnit),
  };
  cache.set(lexicon, compiled);
  return compiled;
}

