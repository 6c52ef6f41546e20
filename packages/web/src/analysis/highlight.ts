// Pure helpers that turn an analysed text and the spans the server reported into segments to render as text.
// Nothing here produces HTML: the page renders every segment as React text nodes.

export type MarkKind = 'indicator' | 'entity' | 'homoglyph';

export interface Mark {
  kind: MarkKind;
  /** UTF-16 offsets into the analysed string. */
  start: number;
  end: number;
  /** Indicator: its number in the explanations (1-based). Entity: its index. Homoglyph: 0. */
  ref: number;
  /** Indicator category (colours the highlight). */
  category?: string;
}

export interface Segment {
  start: number;
  end: number;
  /** Marks that cover the whole segment, in the order given. */
  marks: Mark[];
  /** Indicator numbers whose span ends at this segment's end (a reference is shown after them). */
  endingIndicators: number[];
}

/**
 * Splits [from, to) of a string into segments at every mark boundary. Marks outside the range are clipped;
 * empty or inverted marks are ignored. A sweep over the boundaries: O((n + m) log m).
 */
export function segment(from: number, to: number, marks: readonly Mark[]): Segment[] {
  if (to <= from) return [];
  const clipped: Array<Mark & { order: number }> = [];
  marks.forEach((m, order) => {
    const s = Math.max(from, m.start);
    const e = Math.min(to, m.end);
    if (e > s) clipped.push({ ...m, start: s, end: e, order });
  });
  const points = new Set<number>([from, to]);
  for (const m of clipped) {
    points.add(m.start);
    points.add(m.end);
  }
  const bounds = [...points].sort((a, b) => a - b);
  const byStart = [...clipped].sort((a, b) => a.start - b.start);
  const active: Array<Mark & { order: number }> = [];
  const out: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    for (let j = active.length - 1; j >= 0; j--) if (active[j]!.end <= a) active.splice(j, 1);
    while (next < byStart.length && byStart[next]!.start <= a) {
      const m = byStart[next]!;
      if (m.end > a) active.push(m);
      next++;
    }
    const covering = active.filter((m) => m.start <= a && m.end >= b);
    covering.sort((x, y) => x.order - y.order);
    const ending = [...new Set(covering.filter((m) => m.kind === 'indicator' && m.end === b).map((m) => m.ref))].sort((x, y) => x - y);
    out.push({ start: a, end: b, marks: covering.map(({ order: _o, ...m }) => m), endingIndicators: ending });
  }
  return out;
}

/** Invisible and direction-changing characters that ads use to hide words (the set core counts). */
const HIDDEN_NAMES: Record<number, string> = {
  0x00ad: 'SHY',
  0x034f: 'CGJ',
  0x061c: 'ALM',
  0x180e: 'MVS',
  0x200b: 'ZWSP',
  0x200c: 'ZWNJ',
  0x200d: 'ZWJ',
  0x200e: 'LRM',
  0x200f: 'RLM',
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2060: 'WJ',
  0x2061: 'FA',
  0x2062: 'IT',
  0x2063: 'IS',
  0x2064: 'IP',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
  0xfeff: 'BOM',
};

const HIDDEN_RE = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

export interface HiddenChar {
  /** Short name (ZWSP, RLO…). */
  name: string;
  /** `U+200B`. */
  code: string;
}

export type TextPiece = string | HiddenChar;

/**
 * Splits text into plain runs and hidden characters, so that each hidden character can be shown as a visible
 * marker instead of being rendered (a right-to-left override would otherwise reorder what the reviewer reads).
 * A zero-width joiner between two emoji is part of the emoji (👩‍💻) and is kept. `before`/`after` are the
 * characters around `text` in the whole string, for that check at the edges.
 */
export function splitHidden(text: string, before = '', after = ''): TextPiece[] {
  if (!HIDDEN_RE.test(text)) return text ? [text] : [];
  const out: TextPiece[] = [];
  let run = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cp = ch.codePointAt(0)!;
    const name = HIDDEN_NAMES[cp];
    if (name === undefined) {
      run += ch;
      continue;
    }
    if (cp === 0x200d) {
      const prev = previousBase(chars, i, before);
      const next = i + 1 < chars.length ? chars[i + 1]! : Array.from(after)[0] ?? '';
      if (PICTOGRAPHIC.test(prev) && PICTOGRAPHIC.test(next)) {
        run += ch;
        continue;
      }
    }
    if (run) out.push(run);
    run = '';
    out.push({ name, code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` });
  }
  if (run) out.push(run);
  return out;
}

/** The character before position i, skipping variation selectors (❤️ is ❤ + VS16). */
function previousBase(chars: readonly string[], i: number, before: string): string {
  for (let j = i - 1; j >= 0; j--) {
    const cp = chars[j]!.codePointAt(0)!;
    if (cp !== 0xfe0f && cp !== 0xfe0e) return chars[j]!;
  }
  const b = Array.from(before);
  return b[b.length - 1] ?? '';
}

/** A cut position at or before `at` that does not split a surrogate pair. */
export function safeCut(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

export interface PlacedMarks {
  marks: Mark[];
  /** Spans that do not fit the text (outside it, or their text differs): not highlighted. */
  misplaced: number;
}

/**
 * Builds the marks of an analysis, checking every span against the analysed string so that a shifted offset
 * never highlights the wrong words.
 */
export function placeMarks(
  source: string,
  input: {
    indicators: readonly { category: string; spans: readonly { start: number; end: number; text: string }[] }[];
    entities: readonly { start: number; end: number; value: string }[];
    homoglyphSpans?: readonly { start: number; end: number }[];
  },
): PlacedMarks {
  const marks: Mark[] = [];
  let misplaced = 0;
  const fits = (s: { start: number; end: number }) =>
    Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= source.length;
  input.indicators.forEach((ind, i) => {
    for (const s of ind.spans) {
      if (fits(s) && source.slice(s.start, s.end) === s.text) marks.push({ kind: 'indicator', start: s.start, end: s.end, ref: i + 1, category: ind.category });
      else misplaced++;
    }
  });
  input.entities.forEach((e, i) => {
    if (fits(e) && source.slice(e.start, e.end) === e.value) marks.push({ kind: 'entity', start: e.start, end: e.end, ref: i });
    else misplaced++;
  });
  for (const s of input.homoglyphSpans ?? []) {
    if (fits(s)) marks.push({ kind: 'homoglyph', start: s.start, end: s.end, ref: 0 });
  }
  return { marks, misplaced };
}
