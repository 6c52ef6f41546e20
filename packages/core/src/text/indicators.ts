// Finds trafficking indicators in ad text: normalise, detect the language, scan the lexicons of that language
// (all three when undetermined) plus the language-neutral one, drop negated matches, mark quoted ones, and report
// exact spans into the original text. Hidden characters and look-alike letters are reported as indicators of their own.
import { compileLexicon, type CompiledLexicon } from './compile.js';
import { detectLanguage, type DetectLanguageOptions, type TextLanguage } from './language.js';
import type { EvidenceLevel, IndicatorCategory, IndicatorDefinition, Lexicon, LexiconLanguage } from './lexicon.js';
import { INDICATOR_CATALOG, INDICATOR_CATALOG_VERSION } from './lexicons/catalog.js';
import { EN_LEXICON } from './lexicons/en.js';
import { ES_LEXICON } from './lexicons/es.js';
import { PT_LEXICON } from './lexicons/pt.js';
import { SHARED_LEXICON } from './lexicons/shared.js';
import { isNegated } from './negation.js';
import { findQuotedRanges, isQuoted } from './quotation.js';
import { normalizeTextTransient, toOriginalSpan, type HiddenCharacterReport, type NormalizedText } from './normalize.js';

/** The lexicons shipped with core. The server may pass newer ones (validated with `validateLexicon`). */
export const DEFAULT_LEXICONS: readonly Lexicon[] = [ES_LEXICON, EN_LEXICON, PT_LEXICON, SHARED_LEXICON];

/** At most this many spans are reported per indicator (the count of occurrences is kept separately). */
export const MAX_SPANS_PER_INDICATOR = 20;

export interface IndicatorSpan {
  start: number;
  end: number;
  /** `text.slice(start, end)` of the original text. */
  text: string;
  /** Present when the span lies entirely inside quotation marks (a mention, not an offer: see quotation.ts). */
  quoted?: true;
}

export interface IndicatorMatch {
  id: string;
  category: IndicatorCategory;
  label: string;
  weight: number;
  evidence: EvidenceLevel;
  source: string;
  /** Total occurrences, including any beyond the listed spans. */
  occurrences: number;
  spans: IndicatorSpan[];
  /** Present when every occurrence (listed or not) is quoted; the risk score then counts the match at half weight. */
  quoted?: true;
}

export interface IndicatorResult {
  language: TextLanguage;
  /** Detection margin; absent when the caller gave the language. */
  languageConfidence?: number;
  truncated: boolean;
  originalLength: number;
  hiddenCharacters: HiddenCharacterReport;
  /** Versions of the catalog and of every lexicon used, so the result can be reproduced. */
  lexiconVersions: Record<string, string>;
  /** Sorted by the position of the first span. */
  matches: IndicatorMatch[];
}

export interface MatchIndicatorsOptions {
  /** Known language (e.g. the site's); 'und' runs every lexicon; absent or 'auto' detects it with franc. */
  language?: TextLanguage | 'auto';
  /** Truncation limit in UTF-16 units (default TEXT_MAX_CHARS). */
  maxChars?: number;
  /** Replace the shipped lexicons. */
  lexicons?: readonly Lexicon[];
  detection?: DetectLanguageOptions;
}

export function matchIndicators(text: string, options: MatchIndicatorsOptions = {}): IndicatorResult {
  // The normalised text does not outlive this call: its offset maps can reuse buffers.
  const norm = normalizeTextTransient(text, options.maxChars !== undefined ? { maxChars: options.maxChars } : {});
  return matchNormalized(norm, options);
}

/** Same as {@link matchIndicators} on text already normalised (lets callers share one normalisation). */
export function matchNormalized(norm: NormalizedText, options: MatchIndicatorsOptions = {}): IndicatorResult {
  let language: TextLanguage;
  let languageConfidence: number | undefined;
  let runnerUp: LexiconLanguage | undefined;
  if (options.language === undefined || options.language === 'auto') {
    const guess = detectLanguage(norm.source, options.detection);
    language = guess.language;
    languageConfidence = guess.confidence;
    runnerUp = guess.runnerUp;
  } else {
    language = options.language;
  }

  const lexicons = (options.lexicons ?? DEFAULT_LEXICONS).filter(
    (l) => l.language === 'any' || language === 'und' || l.language === language || l.language === runnerUp,
  );
  const lexiconVersions: Record<string, string> = { catalog: INDICATOR_CATALOG_VERSION };
  const found = new Map<string, Found>();
  const quotes: Quotes = { ranges: undefined };
  for (const lexicon of lexicons) {
    lexiconVersions[lexicon.language] = lexicon.version;
    scanLexicon(norm, lexicon, found, quotes);
  }
  addEvasion(norm, found);

  const matches: IndicatorMatch[] = [];
  for (const f of found.values()) {
    f.spans.sort((a, b) => a.start - b.start || a.end - b.end);
    const { def } = f;
    const match: IndicatorMatch = {
      id: def.id,
      category: def.category,
      label: def.label,
      weight: def.weight,
      evidence: def.evidence,
      source: def.source,
      occurrences: f.occurrences,
      spans: f.spans.slice(0, MAX_SPANS_PER_INDICATOR),
    };
    if (f.unquoted === 0 && f.occurrences > 0) match.quoted = true;
    matches.push(match);
  }
  matches.sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || a.id.localeCompare(b.id));

  const result: IndicatorResult = {
    language,
    truncated: norm.truncated,
    originalLength: norm.originalLength,
    hiddenCharacters: norm.hidden,
    lexiconVersions,
    matches,
  };
  if (languageConfidence !== undefined) result.languageConfidence = Math.round(languageConfidence * 1000) / 1000;
  return result;
}

interface Found {
  def: Pick<IndicatorDefinition, 'id' | 'category' | 'label' | 'weight' | 'evidence' | 'source'>;
  occurrences: number;
  /** Non-zero when some occurrence is not inside quotation marks (a widened span may be counted twice). */
  unquoted: number;
  spans: IndicatorSpan[];
  /** Keys of the spans already listed (see {@link spanKey}), so the same words matched by two lexicons are listed once. */
  keys: Set<number | string>;
}

/** Key of a span in `Found.keys`: a small integer (no string built per match) unless the span is far out. */
function spanKey(start: number, end: number): number | string {
  return start < 32768 && end < 32768 ? start * 32768 + end : `${start}:${end}`;
}

function record(found: Map<string, Found>, def: Found['def'], span: IndicatorSpan): void {
  let f = found.get(def.id);
  if (f === undefined) {
    f = { def, occurrences: 0, unquoted: 0, spans: [], keys: new Set() };
    found.set(def.id, f);
  }
  const key = spanKey(span.start, span.end);
  if (f.keys.has(key)) return;
  f.keys.add(key);
  f.occurrences++;
  if (span.quoted !== true) f.unquoted++;
  if (f.spans.length < MAX_SPANS_PER_INDICATOR * 2) f.spans.push(span);
}

/**
 * Accepts the matches of `lexicon`'s indicators, in text order: at each position where the lexicon's scan regex
 * matches, the indicators whose patterns can start there are tried (see {@link tryAt}).
 */
function scanLexicon(norm: NormalizedText, lexicon: Lexicon, found: Map<string, Found>, quotes: Quotes): void {
  const folded = norm.text;
  const compiled = compileLexicon(lexicon);
  // Folded range of the last accepted match per indicator: overlapping matches of one indicator are merged.
  const last = new Map<string, { start: number; end: number }>();
  const scan = compiled.scan;
  scan.lastIndex = 0;
  for (let m = scan.exec(folded); m !== null; m = scan.exec(folded)) {
    const at = m.index;
    // Resume at the next character, not after the match, so overlapping indicators that start at a later word
    // are found too ("booking through my driver": manager, then driver).
    scan.lastIndex = at + 1;
    tryAt(norm, compiled, found, last, quotes, at);
  }
}

/**
 * Tries at `at` the indicators whose patterns can start there (by this unit and the next, and the word boundary),
 * each with only its alternatives that can, then the `anywhere` ones: the same matches as trying `byFirstUnit` and
 * `anywhere` with the full regexes.
 */
function tryAt(
  norm: NormalizedText,
  compiled: CompiledLexicon,
  found: Map<string, Found>,
  last: Map<string, { start: number; end: number }>,
  quotes: Quotes,
  at: number,
): void {
  const folded = norm.text;
  const { boundaryAscii, boundaryOther, insideAscii, insideOther } = compiled.candidates;
  const unit = folded.charCodeAt(at);
  const prev = at > 0 ? folded.charCodeAt(at - 1) : -1;
  const afterWordChar = (prev >= 0x61 && prev <= 0x7a) || (prev >= 0x30 && prev <= 0x39);
  const lists = afterWordChar
    ? unit < 128 ? insideAscii[unit] : insideOther.get(unit)
    : unit < 128 ? boundaryAscii[unit] : boundaryOther.get(unit);
  if (lists !== undefined) {
    const list = lists.byNext.get(folded.charCodeAt(at + 1)) ?? lists.rest;
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      c.regex.lastIndex = at;
      const hit = c.regex.exec(folded);
      if (hit !== null) accept(norm, found, last, quotes, c.indicator, at, at + hit[0].length);
    }
  }
  for (const { indicator, regex } of compiled.anywhere) {
    regex.lastIndex = at;
    const hit = regex.exec(folded);
    if (hit !== null) accept(norm, found, last, quotes, indicator, at, at + hit[0].length);
  }
}

/** Quoted stretches of the folded text, found on the first accepted match (most ads have few matches, many none). */
interface Quotes {
  ranges: number[] | undefined;
}

function quotedAt(norm: NormalizedText, quotes: Quotes, start: number, end: number): boolean {
  quotes.ranges ??= findQuotedRanges(norm.text);
  return isQuoted(quotes.ranges, start, end);
}

function accept(
  norm: NormalizedText,
  found: Map<string, Found>,
  last: Map<string, { start: number; end: number }>,
  quotes: Quotes,
  def: IndicatorDefinition,
  start: number,
  end: number,
): void {
  const prev = last.get(def.id);
  if (prev !== undefined && start < prev.end) {
    if (end > prev.end) extendLast(norm, found, quotes, def.id, prev, end);
    return;
  }
  if (def.negatable === true && isNegated(norm.text, start, end)) return;
  last.set(def.id, { start, end });
  const span = toOriginalSpan(norm, start, end);
  const s: IndicatorSpan = { start: span.start, end: span.end, text: norm.source.slice(span.start, span.end) };
  if (quotedAt(norm, quotes, start, end)) s.quoted = true;
  record(found, def, s);
}

/** Widens the last recorded span of `id` to folded end `end` ("chica menor" + "menor de edad"). */
function extendLast(
  norm: NormalizedText,
  found: Map<string, Found>,
  quotes: Quotes,
  id: string,
  prev: { start: number; end: number },
  end: number,
): void {
  const f = found.get(id);
  if (f === undefined) return;
  const wasQuoted = quotedAt(norm, quotes, prev.start, prev.end);
  const before = toOriginalSpan(norm, prev.start, prev.end);
  const span = f.spans.find((s) => s.start === before.start && s.end === before.end);
  prev.end = end;
  // Widened past the closing mark: the occurrence is no longer quoted.
  if (wasQuoted && !quotedAt(norm, quotes, prev.start, end)) {
    f.unquoted++;
    if (span !== undefined) delete span.quoted;
  }
  if (span === undefined) return;
  const widened = toOriginalSpan(norm, prev.start, end);
  f.keys.add(spanKey(widened.start, widened.end));
  span.start = widened.start;
  span.end = widened.end;
  span.text = norm.source.slice(widened.start, widened.end);
}

function addEvasion(norm: NormalizedText, found: Map<string, Found>): void {
  const h = norm.hidden;
  const add = (id: 'evasion.hidden-characters' | 'evasion.homoglyphs', spans: readonly { start: number; end: number }[]): void => {
    const def = { id, ...INDICATOR_CATALOG[id] };
    for (const s of spans) record(found, def, { start: s.start, end: s.end, text: norm.source.slice(s.start, s.end) });
  };
  if (h.zeroWidth + h.bidi + h.otherInvisible > 0) add('evasion.hidden-characters', h.spans);
  if (h.homoglyphs > 0) add('evasion.homoglyphs', h.homoglyphSpans);
}

/** Languages that have a shipped lexicon. */
export const LEXICON_LANGUAGES: readonly LexiconLanguage[] = ['es', 'en', 'pt'];
