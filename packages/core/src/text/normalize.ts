/**
 * Text normalisation for indicator matching, with an offset map back to the original text.
 *
 * Matching happens on a folded copy: NFKC, lower case, accents removed (á→a, ç→c, ã→a, ñ→n), Cyrillic/Greek
 * look-alikes mapped to Latin, light leetspeak inside words (m3n0r → menor), hidden characters dropped and
 * right-to-left overrides undone (so the text reads as it is displayed). Every folded UTF-16 unit remembers the
 * original span it came from, so an indicator found in the folded text is reported at its exact place in the
 * original. Hidden characters are counted, because hiding words from filters is itself an indicator.
 */

/** Texts longer than this many UTF-16 units are cut before matching (ads are a few KB; more is junk or abuse). */
export const TEXT_MAX_CHARS = 20_000;

/** At most this many hidden-character runs are listed; the counts stay exact. */
const MAX_HIDDEN_SPANS = 20;

export interface TextSpan {
  /** UTF-16 index into the original text, inclusive. */
  start: number;
  /** UTF-16 index into the original text, exclusive. */
  end: number;
}

export interface HiddenCharacterReport {
  /** True when characters were used in a way that hides or disguises words (see the counts). */
  present: boolean;
  /** Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) between letters or digits. A leading BOM and the ZWJ
   * inside emoji sequences are legitimate and not counted. */
  zeroWidth: number;
  /** Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), always counted. */
  bidi: number;
  /** Other invisible characters between letters: soft hyphen, LRM/RLM, invisible operators, grapheme joiner. */
  otherInvisible: number;
  /** Cyrillic/Greek look-alike letters written next to Latin letters ("mеnor" with a Cyrillic е). */
  homoglyphs: number;
  /** True when a right-to-left override reversed the display order of Latin text. */
  reversed: boolean;
  /** Where the counted invisible characters are in the original text (runs merged; at most 20 listed). */
  spans: TextSpan[];
  /** Where the counted look-alike letters are (at most 20 listed). */
  homoglyphSpans: TextSpan[];
}

export interface NormalizedText {
  /** The input after truncation. Spans index into it, and into the full input (truncation keeps a prefix). */
  source: string;
  /** The folded text, where matching happens. */
  text: string;
  /** `starts[i]`/`ends[i]`: the original UTF-16 span behind folded unit `i`. */
  starts: Int32Array;
  ends: Int32Array;
  /** True when the input was longer than `maxChars` and was cut. */
  truncated: boolean;
  /** Length of the input before truncation. */
  originalLength: number;
  hidden: HiddenCharacterReport;
}

export interface NormalizeOptions {
  /** Cut longer texts to this many UTF-16 units (never inside a surrogate pair). Default {@link TEXT_MAX_CHARS}. */
  maxChars?: number;
  /** Fold digits and symbols used as letters inside words (m3n0r → menor). Default true. */
  leet?: boolean;
}

type HiddenKind = 'zeroWidth' | 'bidi' | 'other';

/** Characters that render as nothing and are dropped; value says how they are counted. */
function hiddenKind(cp: number): HiddenKind | null {
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff) return 'zeroWidth';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  if (cp === 0x00ad || cp === 0x034f || cp === 0x061c || cp === 0x180e || cp === 0x200e || cp === 0x200f) return 'other';
  if (cp >= 0x2061 && cp <= 0x2064) return 'other';
  return null;
}

/** Variation selectors and the keycap mark belong to the previous glyph (`3️⃣`, `❤️`). */
function attachesToPrevious(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff);
}

// Look-alikes used to slip words past filters; NFKC does not fold them. Lower and upper case.
const HOMOGLYPHS: Readonly<Record<number, string>> = {
  0x0430: 'a', 0x0435: 'e', 0x043e: 'o', 0x0440: 'p', 0x0441: 'c', 0x0443: 'y', 0x0445: 'x', 0x0456: 'i',
  0x0458: 'j', 0x0455: 's', 0x043d: 'h', 0x0442: 't', 0x043c: 'm', 0x0432: 'b', 0x043a: 'k',
  0x0410: 'a', 0x0412: 'b', 0x0415: 'e', 0x041a: 'k', 0x041c: 'm', 0x041d: 'h', 0x041e: 'o', 0x0420: 'p',
  0x0421: 'c', 0x0422: 't', 0x0425: 'x', 0x0406: 'i', 0x0408: 'j', 0x0405: 's',
  0x03bf: 'o', 0x03b1: 'a', 0x03b5: 'e', 0x03b9: 'i', 0x03ba: 'k', 0x03bd: 'v', 0x03c1: 'p', 0x03c4: 't',
  0x03c5: 'u', 0x03c7: 'x', 0x039f: 'o', 0x0391: 'a', 0x0392: 'b', 0x0395: 'e', 0x0397: 'h', 0x0399: 'i',
  0x039a: 'k', 0x039c: 'm', 0x039d: 'n', 0x03a1: 'p', 0x03a4: 't', 0x03a5: 'y', 0x03a7: 'x', 0x0396: 'z',
};

// Letters that neither NFKC nor NFD decompose into a base letter.
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  'ß': 'ss', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ŉ': "'n",
};

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4\u0060]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/;
const MARKS = /\p{M}/gu;

const foldCache = new Map<number, string>();

/** Folded form of one non-ASCII code point (never called for hidden or attaching characters). */
function foldNonAscii(cp: number): string {
  const hit = foldCache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  const homoglyph = HOMOGLYPHS[cp];
  if (homoglyph !== undefined) out = homoglyph;
  else if (cp >= 0xd800 && cp <= 0xdfff) out = ' '; // lone surrogate: invalid UTF-16, keep a placeholder
  else if (cp >= 0x80 && cp <= 0x9f) out = ' '; // C1 controls
  else if (cp === 0x2028 || cp === 0x2029 || cp === 0x85) out = '\n';
  else {
    const ch = String.fromCodePoint(cp);
    if (QUOTES.test(ch)) out = "'";
    else if (DOUBLE_QUOTES.test(ch)) out = '"';
    else if (DASHES.test(ch)) out = '-';
    else {
      out = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '');
      const extra = EXTRA_FOLDS[out];
      if (extra !== undefined) out = extra;
      else if (/^\s+$/.test(out)) out = ' ';
    }
  }
  if (foldCache.size < 20_000) foldCache.set(cp, out);
  return out;
}

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const LEET_TEST = /[a-z][013457@$][a-z]/;
const LEET_RE = /(?<=[a-z])[013457@$](?=[a-z])/g;

function isWordChar(cp: number): boolean {
  // Letters and digits of any script; cheap path for ASCII.
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp));
}

function isLatinLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  return /\p{Script=Latin}/u.test(String.fromCodePoint(cp));
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

interface HiddenHit {
  kind: HiddenKind;
  at: number;
  width: number;
}

/** Folds `input` for matching (see module comment). Never throws on any string, however malformed. */
export function normalizeText(input: string, options: NormalizeOptions = {}): NormalizedText {
  return normalize(input, options, false);
}

// Offset maps reused by {@link normalizeTextTransient}.
let scratchStarts: Int32Array<ArrayBuffer> = new Int32Array(1024);
let scratchEnds: Int32Array<ArrayBuffer> = new Int32Array(1024);

/**
 * {@link normalizeText} whose offset maps are views of buffers that the next call overwrites: for callers that are
 * done with the result before normalising again (matchIndicators, score), sparing two typed arrays per ad.
 */
export function normalizeTextTransient(input: string, options: NormalizeOptions = {}): NormalizedText {
  return normalize(input, options, true);
}

function normalize(input: string, options: NormalizeOptions, transient: boolean): NormalizedText {
  const maxChars = Math.max(1, Math.floor(options.maxChars ?? TEXT_MAX_CHARS));
  const source = truncateText(input, maxChars);
  const len = source.length;

  let starts: Int32Array<ArrayBuffer>;
  let ends: Int32Array<ArrayBuffer>;
  if (transient) {
    if (scratchStarts.length < len + 16) {
      scratchStarts = new Int32Array(len + 16);
      scratchEnds = new Int32Array(len + 16);
    }
    starts = scratchStarts;
    ends = scratchEnds;
  } else {
    starts = new Int32Array(len + 16);
    ends = new Int32Array(len + 16);
  }
  let n = 0;
  let out = '';
  const push = (start: number, end: number): void => {
    if (n === starts.length) {
      const s2 = new Int32Array(starts.length * 2);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(ends.length * 2);
      e2.set(ends);
      ends = e2;
      if (transient) {
        scratchStarts = starts;
        scratchEnds = ends;
      }
    }
    starts[n] = start;
    ends[n] = end;
    n++;
  };

  const hiddenHits: HiddenHit[] = [];
  const homoglyphAt: number[] = []; // output indices of folded look-alikes
  const reversals: Array<[number, number]> = []; // output ranges displayed right-to-left
  let rloStart = -1;
  const closeRlo = (): void => {
    if (rloStart >= 0 && n - rloStart > 1) reversals.push([rloStart, n]);
    rloStart = -1;
  };

  // The folded text is `out + source.slice(copied, i)`: stretches that fold to themselves (most of an ad) are
  // copied in one slice instead of one character at a time.
  let copied = 0;
  const replace = (i: number, width: number, rep: string): void => {
    out += source.slice(copied, i) + rep;
    copied = i + width;
  };
  for (let i = 0; i < len; ) {
    const cp = source.charCodeAt(i);
    if (cp < 0x80) {
      if (cp >= 0x41 && cp <= 0x5a) replace(i, 1, String.fromCharCode(cp + 32));
      else if (cp === 0x0a || cp === 0x0d) {
        closeRlo(); // a line break ends any embedding
        if (cp === 0x0d) replace(i, 1, '\n');
      } else if (cp < 0x20 || cp === 0x7f) replace(i, 1, ' ');
      if (n === starts.length) push(i, i + 1);
      else {
        starts[n] = i;
        ends[n] = i + 1;
        n++;
      }
      i++;
      continue;
    }
    const full = source.codePointAt(i) ?? 0;
    const width = full > 0xffff ? 2 : 1;
    const kind = hiddenKind(full);
    if (kind !== null) {
      replace(i, width, '');
      if (!(full === 0xfeff && i === 0)) hiddenHits.push({ kind, at: i, width });
      if (kind === 'bidi') {
        closeRlo();
        if (full === 0x202e) rloStart = n; // right-to-left override: Latin text is shown reversed
      }
    } else if (attachesToPrevious(full)) {
      replace(i, width, '');
      if (n > 0) ends[n - 1] = i + width;
    } else {
      const rep = foldNonAscii(full);
      if (HOMOGLYPHS[full] !== undefined) homoglyphAt.push(n);
      for (let k = 0; k < rep.length; k++) push(i, i + width);
      if (rep === '\n') closeRlo();
      const same = rep.length === width && rep.charCodeAt(0) === cp && (width === 1 || rep.charCodeAt(1) === source.charCodeAt(i + 1));
      if (!same) replace(i, width, rep);
    }
    i += width;
  }
  out += source.slice(copied);
  closeRlo();

  // Report before undoing reversals: homoglyph positions refer to the unreversed map.
  const hidden = reportHidden(source, hiddenHits, homoglyphAt, starts, reversals.length > 0);
  let text = out;
  for (const [a, b] of reversals) text = reverseRange(text, starts, ends, a, b);
  if (options.leet !== false && LEET_TEST.test(text)) text = text.replace(LEET_RE, (c) => LEET[c] ?? c);
  return {
    source,
    text,
    starts: starts.subarray(0, n),
    ends: ends.subarray(0, n),
    truncated: source.length < input.length,
    originalLength: input.length,
    hidden,
  };
}

/** Reverses folded units [a, b) by code point, keeping the offset map aligned; returns the new text. */
function reverseRange(text: string, starts: Int32Array, ends: Int32Array, a: number, b: number): string {
  const units: Array<{ s: string; st: number[]; en: number[] }> = [];
  for (let k = a; k < b; ) {
    const c = text.charCodeAt(k);
    const w = c >= 0xd800 && c <= 0xdbff && k + 1 < b ? 2 : 1;
    const st: number[] = [];
    const en: number[] = [];
    for (let j = 0; j < w; j++) {
      st.push(starts[k + j] ?? 0);
      en.push(ends[k + j] ?? 0);
    }
    units.push({ s: text.slice(k, k + w), st, en });
    k += w;
  }
  units.reverse();
  let k = a;
  let middle = '';
  for (const u of units) {
    middle += u.s;
    for (let j = 0; j < u.st.length; j++) {
      starts[k] = u.st[j] ?? 0;
      ends[k] = u.en[j] ?? 0;
      k++;
    }
  }
  return text.slice(0, a) + middle + text.slice(b);
}

function reportHidden(
  source: string,
  hits: readonly HiddenHit[],
  homoglyphAt: readonly number[],
  starts: Int32Array,
  reversed: boolean,
): HiddenCharacterReport {
  let zeroWidth = 0;
  let bidi = 0;
  let otherInvisible = 0;
  const counted: TextSpan[] = [];
  const lookalikes: TextSpan[] = [];
  for (const h of hits) {
    let count = h.kind === 'bidi';
    if (!count) {
      // Only invisible characters between word characters hide words; ZWJ inside emoji is how emoji are built.
      const before = visibleNeighbour(source, h.at, -1);
      const after = visibleNeighbour(source, h.at + h.width, 1);
      count = before !== null && after !== null && isWordChar(before) && isWordChar(after);
    }
    if (!count) continue;
    if (h.kind === 'zeroWidth') zeroWidth++;
    else if (h.kind === 'bidi') bidi++;
    else otherInvisible++;
    counted.push({ start: h.at, end: h.at + h.width });
  }
  let homoglyphs = 0;
  for (const k of homoglyphAt) {
    // A look-alike counts when a neighbour is a genuine Latin letter, i.e. the word mixes scripts.
    const prev = k > 0 ? starts[k - 1] : undefined;
    const next = starts[k + 1];
    const latin = (at: number | undefined): boolean =>
      at !== undefined && HOMOGLYPHS[source.codePointAt(at) ?? 0] === undefined && isLatinLetter(source.codePointAt(at) ?? 0);
    if (latin(prev) || latin(next)) {
      homoglyphs++;
      const at = starts[k] ?? 0;
      lookalikes.push({ start: at, end: at + 1 });
    }
  }
  return {
    present: zeroWidth + bidi + otherInvisible + homoglyphs > 0,
    zeroWidth,
    bidi,
    otherInvisible,
    homoglyphs,
    reversed,
    spans: mergeSpans(counted),
    homoglyphSpans: mergeSpans(lookalikes),
  };
}

function mergeSpans(list: TextSpan[]): TextSpan[] {
  list.sort((x, y) => x.start - y.start);
  const spans: TextSpan[] = [];
  for (const s of list) {
    const last = spans[spans.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else if (spans.length < MAX_HIDDEN_SPANS) spans.push({ ...s });
  }
  return spans;
}

/** The nearest code point in direction `dir` that is not itself hidden or attaching, or null at the edge. */
function visibleNeighbour(source: string, from: number, dir: 1 | -1): number | null {
  let i = dir === 1 ? from : from - 1;
  while (i >= 0 && i < source.length) {
    let cp = source.codePointAt(i) ?? 0;
    if (dir === -1 && cp >= 0xdc00 && cp <= 0xdfff && i > 0) {
      const hi = source.charCodeAt(i - 1);
      if (hi >= 0xd800 && hi <= 0xdbff) {
        i--;
        cp = source.codePointAt(i) ?? 0;
      }
    }
    if (hiddenKind(cp) === null && !attachesToPrevious(cp)) return cp;
    i += dir === 1 ? (cp > 0xffff ? 2 : 1) : -1;
  }
  return null;
}

/**
 * Maps folded range [start, end) back to the original text. Uses the extremes of the range because a
 * right-to-left override can make the map non-monotonic.
 */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): TextSpan {
  if (end <= start) {
    const at = norm.starts[start] ?? norm.source.length;
    return { start: at, end: at };
  }
  let s = Number.MAX_SAFE_INTEGER;
  let e = 0;
  for (let k = start; k < end; k++) {
    const a = norm.starts[k];
    const b = norm.ends[k];
    if (a !== undefined && a < s) s = a;
    if (b !== undefined && b > e) e = b;
  }
  if (s === Number.MAX_SAFE_INTEGER) s = e;
  return { start: s, end: e };
}
