// Language detection with franc-min restricted to Spanish, English and Portuguese. Returns 'und' when the text
// has too few letters or the best two languages score too close to call; callers then run every lexicon.
import { data as FRANC_DATA } from 'franc-min/data.js';
import { expressions as FRANC_SCRIPTS } from 'franc-min/expressions.js';
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

/**
 * `text.slice(0, 3·n).replace(NOISE, ' ').replace(/\s+/g, ' ').trim().slice(0, n)`: the cleaned sample franc sees.
 * Without an "@" in the prefix, the `\S+@\S+` and `@\w+` alternatives cannot match and the rest is done here in
 * one pass that stops once n characters are out (the regexes and the copies they make were a tenth of the cost of
 * a whole analysis).
 */
export function languageSample(text: string, n: number): string {
  const end = Math.min(text.length, n * 3);
  const prefix = text.slice(0, end);
  if (prefix.includes('@') || n > 4096) return prefix.replace(NOISE, ' ').replace(/\s+/g, ' ').trim().slice(0, n);
  const out = sampleUnits.length >= n ? sampleUnits : (sampleUnits = new Uint16Array(n));
  let count = 0;
  let space = false; // white space (or a replaced match) since the last character written
  for (let i = 0; i < end && count < n; ) {
    const c = text.charCodeAt(i);
    const match = noiseAt(text, i, end);
    if (match > i || isWhiteSpace(c)) {
      space = true;
      i = match > i ? match : i + 1;
      continue;
    }
    if (space && count > 0) {
      out[count++] = 0x20;
      if (count === n) break;
    }
    space = false;
    out[count++] = c;
    i++;
  }
  return String.fromCharCode.apply(null, out.subarray(0, count) as unknown as number[]);
}

let sampleUnits = new Uint16Array(256);

/** JavaScript's \s (what /\s/ and String.prototype.trim treat as white space). */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const isDigitUnit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isWordUnit = (c: number): boolean => isDigitUnit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/** End of the non-white-space run starting at `i` (before `end`). */
function nonSpaceEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && !isWhiteSpace(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Where NOISE (without its "@" alternatives) matches at `i`: the end of the match, or `i` when nothing matches.
 * The alternatives start with different characters, so at most one can apply.
 */
function noiseAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x68 && i + 4 <= end && text.startsWith('http', i)) {
    // https?:\/\/\S+
    let j = i + 4;
    if (j < end && text.charCodeAt(j) === 0x73) j++;
    if (j + 3 <= end && text.startsWith('://', j)) {
      const e = nonSpaceEnd(text, j + 3, end);
      if (e > j + 3) return e;
    }
    return i;
  }
  if (c === 0x77 && i + 4 <= end && text.startsWith('www.', i)) {
    const e = nonSpaceEnd(text, i + 4, end); // www\.\S+
    return e > i + 4 ? e : i;
  }
  if (c === 0x23) {
    let j = i + 1; // #\w+
    while (j < end && isWordUnit(text.charCodeAt(j))) j++;
    return j > i + 1 ? j : i;
  }
  if (isDigitUnit(c)) {
    let j = i + 1; // [0-9]+
    while (j < end && isDigitUnit(text.charCodeAt(j))) j++;
    return j;
  }
  // [\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]
  if (c === 0xad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064)) return i + 1;
  if ((c >= 0x2066 && c <= 0x2069) || c === 0xfeff) return i + 1;
  return i;
}
const LETTER = /\p{L}/u;
// Per BMP unit: 1 letter, 2 not, 0 unknown (a Unicode regex per character is slow).
const letterUnits = new Uint8Array(65536);
const letterAstral = new Map<number, boolean>();

/** Code points of `s` in \p{L} (what `s.match(/\p{L}/gu).length` counts; lone surrogates are not letters). */
function countLetters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      let v = letterUnits[c]!;
      if (v === 0) letterUnits[c] = v = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
      if (v === 1) n++;
    } else if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d < 0xdc00 || d > 0xdfff) continue;
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      let letter = letterAstral.get(cp);
      if (letter === undefined) {
        letter = LETTER.test(String.fromCodePoint(cp));
        if (letterAstral.size < 10_000) letterAstral.set(cp, letter);
      }
      if (letter) n++;
      i++;
    }
  }
  return n;
}

export function detectLanguage(text: string, options: DetectLanguageOptions = {}): LanguageGuess {
  const minLetters = options.minLetters ?? 24;
  const minMargin = options.minMargin ?? 0.03;
  const sampleChars = options.sampleChars ?? 200;
  // Clean a bounded prefix only: detection cost must not grow with text length.
  const sample = languageSample(text, sampleChars);
  const letters = countLetters(sample);
  if (letters < minLetters) return { language: 'und', confidence: 0 };
  const ranked = rankLanguages(sample);
  const best = ranked[0];
  const language = best === undefined ? undefined : FRANC_TO_LANGUAGE[best[0]];
  if (best === undefined || language === undefined) return { language: 'und', confidence: 0 };
  const margin = Math.max(0, Math.min(1, best[1] - (ranked[1]?.[1] ?? 0)));
  if (margin < minMargin) return { language: 'und', confidence: margin };
  const second = ranked[1] === undefined ? undefined : FRANC_TO_LANGUAGE[ranked[1][0]];
  if (second !== undefined && margin < (options.closeCall ?? 0.15)) return { language, confidence: margin, runnerUp: second };
  return { language, confidence: margin };
}

// ---------------------------------------------------------------------------------------------------------------
// franc-min's scoring, restricted to spa/eng/por and computed without its per-call allocations.
//
// `francAll(value, { only: ['spa', 'eng', 'por'], minLength: 1 })` does, in order:
//  1. finds the script whose expression matches most code units (first script wins ties); anything but Latin gives
//     'und' here, since only Latin languages are allowed;
//  2. cleans the value (ASCII punctuation and digits U+0021–U+0040 → space, white space collapsed, trimmed, lower
//     case), pads it with a space on each side and counts its trigrams (UTF-16 units);
//  3. the distance to a language model is Σ over distinct trigrams of |count − rank − 1| (300 when the model lacks
//     the trigram), sorted ascending (stable), then normalised as 1 − (d − min) / (length·300 − min).
// The same steps run here on franc-min's own data and script expressions, so the ranking is identical (checked
// against francAll in language.test.ts); what changes is the cost: integer trigram keys, one Map lookup per
// distinct trigram for all three models, and per-code-point script counts cached across calls.

const MAX_DIFFERENCE = 300;
const FRANC_MAX_LENGTH = 2048;
const LATIN_MODELS = FRANC_DATA['Latin'] ?? {};
/** Allowed languages in franc's data order (the order ties are broken in). */
const MODEL_CODES: readonly string[] = Object.keys(LATIN_MODELS).filter((code) => ONLY.includes(code));

// Trigram keys are small integers (V8 Smis, which hash tables handle without allocating): a trigram of units with
// 10-bit ids a, b, c is a·2²⁰ + b·2¹⁰ + c. The letters of the models (a few dozen) get fixed ids when the models
// are loaded; any other unit gets an id for the current call only, so the ids never run out in a long-running
// process. A sample with more than ~1,000 distinct other units takes the string path instead.
const MAX_CHAR_ID = 1023;
const charIds = new Uint16Array(65536);
let nextCharId = 1;
let modelsLoaded = false;
const callIds = new Map<number, number>();
let nextCallId = 1;

function charId(unit: number): number {
  const id = charIds[unit]!;
  if (id !== 0) return id;
  if (!modelsLoaded) {
    if (nextCharId > MAX_CHAR_ID) return -1;
    charIds[unit] = nextCharId;
    return nextCharId++;
  }
  let dynamic = callIds.get(unit);
  if (dynamic === undefined) {
    if (nextCallId > MAX_CHAR_ID) return -1;
    dynamic = nextCallId++;
    callIds.set(unit, dynamic);
  }
  return dynamic;
}

/** Forgets the per-call ids (call before counting the trigrams of a new sample). */
function resetCallIds(): void {
  callIds.clear();
  nextCallId = nextCharId;
}

/** Integer key of a 3-unit string, or -1 when the id table is full. */
function trigramKey(t: string, at: number): number {
  const a = charId(t.charCodeAt(at));
  const b = charId(t.charCodeAt(at + 1));
  const c = charId(t.charCodeAt(at + 2));
  return a < 0 || b < 0 || c < 0 ? -1 : (a << 20) | (b << 10) | c;
}

/**
 * Open-addressing hash set of integer keys (linear probing), cleared in O(1) by bumping a generation stamp.
 * A Map would do, but its iteration and boxing dominate at this size (a few hundred keys per call).
 */
class IntTable {
  keys: Int32Array;
  stamps: Uint32Array;
  values: Int32Array;
  /** Slots used in this generation, in insertion order. */
  used: Int32Array;
  size = 0;
  private generation = 1;
  private mask: number;
  private shift: number;

  constructor(capacity: number) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Int32Array(n);
    this.stamps = new Uint32Array(n);
    this.values = new Int32Array(n);
    this.used = new Int32Array(n);
    this.mask = n - 1;
    this.shift = 32 - Math.log2(n);
  }

  clear(capacity: number): void {
    if (capacity * 2 > this.keys.length) {
      const fresh = new IntTable(capacity);
      this.keys = fresh.keys;
      this.stamps = fresh.stamps;
      this.values = fresh.values;
      this.used = fresh.used;
      this.mask = fresh.mask;
      this.shift = fresh.shift;
      this.generation = 0;
    }
    this.size = 0;
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** Slot of `key`, inserting it (value 0) when absent. */
  slot(key: number): number {
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift; // Fibonacci hashing: the high bits mix every key bit
    while (this.stamps[i] === this.generation) {
      if (this.keys[i] === key) return i;
      i = (i + 1) & this.mask;
    }
    this.stamps[i] = this.generation;
    this.keys[i] = key;
    this.values[i] = 0;
    this.used[this.size++] = i;
    return i;
  }

  /** Slot of `key`, or -1. */
  find(key: number): number {
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift; // Fibonacci hashing: the high bits mix every key bit
    while (this.stamps[i] === this.generation) {
      if (this.keys[i] === key) return i;
      i = (i + 1) & this.mask;
    }
    return -1;
  }
}

/** Trigram → rank in each allowed model (-1 when absent): by integer key, and by string as a fallback. */
const MODEL_RANKS_BY_STRING = new Map<string, Int32Array>();
MODEL_CODES.forEach((code, m) => {
  const model = (LATIN_MODELS[code] ?? '').split('|');
  for (let rank = 0; rank < model.length; rank++) {
    const t = model[rank]!;
    if (t.length !== 3) continue; // a trigram of the cleaned text is always 3 units
    let ranks = MODEL_RANKS_BY_STRING.get(t);
    if (ranks === undefined) {
      ranks = new Int32Array(MODEL_CODES.length).fill(-1);
      MODEL_RANKS_BY_STRING.set(t, ranks);
    }
    if (ranks[m] === -1) ranks[m] = rank; // franc keeps the first rank of a repeated trigram
  }
});
const MODEL_TABLE = new IntTable(MODEL_RANKS_BY_STRING.size);
MODEL_TABLE.clear(MODEL_RANKS_BY_STRING.size);
/** `MODEL_RANK_ROWS[value·models + m]`: rank of the trigram in slot `value` of MODEL_TABLE. */
const MODEL_RANK_ROWS = new Int32Array(MODEL_RANKS_BY_STRING.size * MODEL_CODES.length);
let modelsKeyed = true;
{
  let row = 0;
  for (const [t, ranks] of MODEL_RANKS_BY_STRING) {
    const key = trigramKey(t, 0);
    if (key < 0) {
      modelsKeyed = false;
      break;
    }
    MODEL_TABLE.values[MODEL_TABLE.slot(key)] = row;
    MODEL_RANK_ROWS.set(ranks, row * MODEL_CODES.length);
    row++;
  }
}
// Model trigrams always get ids (a few dozen letters), so a key miss means the trigram is in no model.
const MODELS_KEYED = modelsKeyed;
modelsLoaded = true;
const trigramCounts = new IntTable(256);

const SCRIPT_NAMES: readonly string[] = Object.keys(FRANC_SCRIPTS);
const LATIN_SCRIPT = SCRIPT_NAMES.indexOf('Latin');
/** Per code point (or lone surrogate): matches of each script expression it accounts for, as [script, count]…. */
const scriptCache = new Map<number, readonly number[]>();
const NO_SCRIPT: readonly number[] = [];

function scriptContribution(cp: number, unit: string): readonly number[] {
  const hit = scriptCache.get(cp);
  if (hit !== undefined) return hit;
  // A script expression matches one unit or one surrogate pair and has no look-around, so the matches in a longer
  // string are the sum of the matches inside each code point taken alone.
  let out: number[] | undefined;
  for (let s = 0; s < SCRIPT_NAMES.length; s++) {
    const n = unit.match(FRANC_SCRIPTS[SCRIPT_NAMES[s]!]!)?.length ?? 0;
    if (n > 0) (out ??= []).push(s, n);
  }
  const result = out ?? NO_SCRIPT;
  if (scriptCache.size < 50_000) scriptCache.set(cp, result);
  return result;
}

const scriptCounts = new Int32Array(SCRIPT_NAMES.length);

function addContribution(contribution: readonly number[]): void {
  for (let k = 0; k < contribution.length; k += 2) scriptCounts[contribution[k]!]! += contribution[k + 1]!;
}

// Per BMP unit (not a surrogate): 0 = no script, s + 1 = one match of script s, -1 = not computed, -2 = other.
const unitScript = new Int16Array(65536).fill(-1);

/** Index of the script franc would pick for `value` (most matches, first on ties). */
function topScript(value: string): number {
  scriptCounts.fill(0);
  for (let i = 0; i < value.length; ) {
    const c = value.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      let k = unitScript[c]!;
      if (k === -1) {
        const contribution = scriptContribution(c, value[i]!);
        k = contribution.length === 0 ? 0 : contribution.length === 2 && contribution[1] === 1 ? contribution[0]! + 1 : -2;
        unitScript[c] = k;
      }
      if (k > 0) scriptCounts[k - 1]!++;
      else if (k === -2) addContribution(scriptContribution(c, value[i]!));
      i++;
      continue;
    }
    let width = 1;
    let cp = c;
    if (c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 2;
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      }
    }
    // Lone surrogates get keys above the code point range so they never collide with a real code point.
    addContribution(scriptContribution(width === 1 ? 0x110000 + c : cp, width === 1 ? value[i]! : value.slice(i, i + 2)));
    i += width;
  }
  let top = -1;
  let topCount = -1;
  for (let s = 0; s < SCRIPT_NAMES.length; s++) {
    const count = scriptCounts[s]! / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = s;
    }
  }
  return top;
}

const PUNCTUATION_AND_DIGITS = /[\u0021-\u0040]+/g;
const WHITE_SPACE = /\s+/g;

/** franc-min's language ranking of `value` for spa/eng/por (same tuples, same order, same numbers). */
export function rankLanguages(value: string): Array<[string, number]> {
  if (value.length < 1) return [['und', 1]];
  const text = value.slice(0, FRANC_MAX_LENGTH);
  if (LATIN_SCRIPT < 0 || topScript(text) !== LATIN_SCRIPT || MODEL_CODES.length === 0) return [['und', 1]];

  let length = cleanUnits(text);
  if (length < 0) {
    // Characters whose lower case depends on context or changes length: franc's own string operations.
    const cleaned = ` ${text.replace(PUNCTUATION_AND_DIGITS, ' ').replace(WHITE_SPACE, ' ').trim().toLowerCase()} `;
    if (cleaned.length > units.length) units = new Uint16Array(cleaned.length * 2);
    for (let i = 0; i < cleaned.length; i++) units[i] = cleaned.charCodeAt(i);
    length = cleaned.length;
  }
  const models = MODEL_CODES.length;
  const totals = [0, 0, 0, 0, 0, 0].slice(0, models);
  let keyed = MODELS_KEYED;
  if (keyed) {
    const table = trigramCounts;
    table.clear(length);
    resetCallIds();
    let a = length > 0 ? charId(units[0]!) : 0;
    let b = length > 1 ? charId(units[1]!) : 0;
    for (let i = 2; i < length; i++) {
      const c = charId(units[i]!);
      if (a < 0 || b < 0 || c < 0) {
        keyed = false;
        break;
      }
      table.values[table.slot((a << 20) | (b << 10) | c)]!++;
      a = b;
      b = c;
    }
    for (let u = 0; keyed && u < table.size; u++) {
      const slot = table.used[u]!;
      const count = table.values[slot]!;
      const found = MODEL_TABLE.find(table.keys[slot]!);
      const row = found < 0 ? -1 : MODEL_TABLE.values[found]! * models;
      for (let m = 0; m < models; m++) {
        const rank = row < 0 ? -1 : MODEL_RANK_ROWS[row + m]!;
        totals[m]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
      }
    }
  }
  if (!keyed) {
    totals.fill(0);
    const counts = new Map<string, number>();
    for (let i = 0; i + 3 <= length; i++) {
      const t = String.fromCharCode(units[i]!, units[i + 1]!, units[i + 2]!);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    counts.forEach((count, t) => {
      const ranks = MODEL_RANKS_BY_STRING.get(t);
      for (let m = 0; m < models; m++) {
        const rank = ranks === undefined ? -1 : ranks[m]!;
        totals[m]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
      }
    });
  }
  const distances = MODEL_CODES.map((code, m): [string, number] => [code, totals[m]!]);
  distances.sort((x, y) => x[1] - y[1]);
  const min = distances[0]![1];
  const max = text.length * MAX_DIFFERENCE - min;
  for (const d of distances) d[1] = 1 - (d[1] - min) / max || 0;
  return distances;
}

/** Cleaned, padded text as UTF-16 units (see {@link cleanUnits}). */
let units = new Uint16Array(1024);

// Per UTF-16 unit: its lower case (≥ 0), SEPARATOR (U+0021–U+0040 or white space), UNSAFE (lower case that
// depends on context or is not one unit: Σ, İ…), or UNKNOWN (not computed yet).
const UNKNOWN = -1;
const SEPARATOR = -2;
const UNSAFE = -3;
const unitClass = new Int32Array(65536).fill(UNKNOWN);
const WHITE_SPACE_UNIT = /^\s$/;

function classify(unit: number): number {
  let k = unitClass[unit]!;
  if (k !== UNKNOWN) return k;
  const ch = String.fromCharCode(unit);
  if ((unit >= 0x21 && unit <= 0x40) || WHITE_SPACE_UNIT.test(ch)) k = SEPARATOR;
  else if (unit >= 0xd800 && unit <= 0xdfff) k = unit; // surrogates: checked by code point below
  else {
    const lower = ch.toLowerCase();
    k = lower.length === 1 && unit !== 0x03a3 ? lower.charCodeAt(0) : UNSAFE;
  }
  unitClass[unit] = k;
  return k;
}

const astralUnchanged = new Map<number, boolean>();

/**
 * franc's clean step in one pass: every maximal run of U+0021–U+0040 and white space becomes one space, the ends
 * are trimmed, the rest is lower-cased, and a space pads each side. Writes into `units` and returns the length, or
 * -1 when a character needs the string operations (context-dependent or multi-unit lower case).
 */
function cleanUnits(text: string): number {
  if (text.length + 2 > units.length) units = new Uint16Array((text.length + 2) * 2);
  const out = units;
  let n = 0;
  out[n++] = 0x20;
  let pending = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const k = classify(unit);
    if (k === SEPARATOR) {
      pending = true;
      continue;
    }
    if (k === UNSAFE) return -1;
    if (pending && n > 1) out[n++] = 0x20;
    pending = false;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const cp = (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        let same = astralUnchanged.get(cp);
        if (same === undefined) {
          const ch = String.fromCodePoint(cp);
          same = ch.toLowerCase() === ch;
          if (astralUnchanged.size < 10_000) astralUnchanged.set(cp, same);
        }
        if (!same) return -1;
        out[n++] = unit;
        out[n++] = next;
        i++;
        continue;
      }
    }
    out[n++] = k;
  }
  out[n++] = 0x20;
  return n;
}
