/**
 * Folds look-alike characters to ASCII while remembering where every output character came from, so that
 * matches found in the folded text are reported with exact spans in the original text.
 *
 * - compatibility forms (full-width `３`, math bold `𝟑`, circled `③`, superscripts) → NFKC of that code point;
 * - other decimal digits (Arabic-Indic, dingbat negative circled `❸`…) → ASCII digits;
 * - Unicode spaces → ' ', dashes → '-';
 * - zero-width, bidi controls and soft hyphens are dropped (they hide words from naive matching);
 * - variation selectors and the combining keycap (U+20E3, as in `3️⃣`) are dropped and their span is
 *   attached to the preceding character, so a keycap digit's span covers the whole emoji.
 */
export interface FoldedText {
  /** The folded text, where matching happens. */
  text: string;
  /** `starts[i]` / `ends[i]`: original UTF-16 span of folded code unit `i`. `null` when folding changed nothing. */
  starts: Int32Array | null;
  ends: Int32Array | null;
  /** True when at least one character was folded or dropped. */
  changed: boolean;
}

const DROP = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;
const ATTACH = /[\uFE00-\uFE0F\u20E3]/; // variation selectors and keycap: part of the previous glyph
const SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63]/;
const DECIMAL_DIGIT = /\p{Nd}/u;

// Dingbat circled digits are not compatibility characters, so NFKC leaves them alone.
const DINGBAT_DIGITS: ReadonlyArray<readonly [number, number, number]> = [
  [0x2776, 0x277e, 1], // ❶–❾
  [0x2780, 0x2788, 1], // ➀–➈
  [0x278a, 0x2792, 1], // ➊–➒
  [0x24f5, 0x24fd, 1], // ⓵–⓽
];

const cache = new Map<number, string>();

function decimalValue(cp: number): number {
  // Unicode encodes each decimal digit set as a contiguous 0–9 run; find the run start.
  let first = cp;
  while (first > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(first - 1))) first--;
  return (cp - first) % 10;
}

/** The ASCII-ish replacement of one non-ASCII code point ('' to drop it). */
export function foldCodePoint(cp: number): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const ch = String.fromCodePoint(cp);
  let out = ch;
  if (DROP.test(ch) || ATTACH.test(ch)) out = '';
  else if (SPACE.test(ch)) out = ' ';
  else if (DASH.test(ch)) out = '-';
  else if (cp === 0x24ea || cp === 0x24ff || cp === 0x1f10b || cp === 0x1f10c) out = '0'; // ⓪ ⓿ 🄋 🄌
  else {
    const dingbat = DINGBAT_DIGITS.find(([lo, hi]) => cp >= lo && cp <= hi);
    if (dingbat !== undefined) out = String(cp - dingbat[0] + dingbat[2]);
    else {
      const nfkc = ch.normalize('NFKC');
      if (nfkc !== ch && /^[\x20-\x7E]+$/.test(nfkc)) out = nfkc;
      else if (DECIMAL_DIGIT.test(ch)) out = String(decimalValue(cp));
    }
  }
  if (cache.size < 10_000) cache.set(cp, out);
  return out;
}

/** Folds `text` (see module comment). Pure-ASCII text is returned as is without offset tables. */
export function foldText(text: string): FoldedText {
  return fold(text, false);
}

// Offset tables reused by {@link foldTextTransient}: two typed arrays per ad cost more than the folding itself.
let scratchStarts: Int32Array<ArrayBuffer> = new Int32Array(1024);
let scratchEnds: Int32Array<ArrayBuffer> = new Int32Array(1024);

/**
 * {@link foldText} whose offset tables are views of buffers that the next call overwrites: for callers that are
 * done with the result before folding again (extractEntities).
 */
export function foldTextTransient(text: string): FoldedText {
  return fold(text, true);
}

function fold(text: string, transient: boolean): FoldedText {
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7e) {
      first = i;
      break;
    }
  }
  if (first < 0) return { text, starts: null, ends: null, changed: false };

  // Folding rarely lengthens text (⑩ → "10"); start at the input length and grow if needed.
  let starts: Int32Array<ArrayBuffer>;
  let ends: Int32Array<ArrayBuffer>;
  if (transient) {
    if (scratchStarts.length < text.length + 8) {
      scratchStarts = new Int32Array(text.length + 8);
      scratchEnds = new Int32Array(text.length + 8);
    }
    starts = scratchStarts;
    ends = scratchEnds;
  } else {
    starts = new Int32Array(text.length + 8);
    ends = new Int32Array(text.length + 8);
  }
  for (let k = 0; k < first; k++) {
    starts[k] = k;
    ends[k] = k + 1;
  }
  let n = first;
  let changed = false;
  // The folded text is `out + text.slice(copied, i)`: unchanged stretches are copied in one slice, not per character.
  let out = '';
  let copied = 0;
  const push = (start: number, end: number): void => {
    if (n === starts.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
      if (transient) {
        scratchStarts = starts;
        scratchEnds = ends;
      }
    }
    starts[n] = start;
    ends[n] = end;
    n++;
  };
  for (let i = first; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp <= 0x7e) {
      push(i, i + 1);
      i++;
      continue;
    }
    const width = cp > 0xffff ? 2 : 1;
    const rep = foldCodePoint(cp);
    const same =
      rep.length === width && rep.charCodeAt(0) === text.charCodeAt(i) && (width === 1 || rep.charCodeAt(1) === text.charCodeAt(i + 1));
    if (!same) {
      changed = true;
      out += text.slice(copied, i) + rep;
      copied = i + width;
    }
    if (rep === '') {
      // A keycap or variation selector belongs to the previous glyph: widen its span.
      if (n > 0 && (cp === 0x20e3 || (cp >= 0xfe00 && cp <= 0xfe0f))) ends[n - 1] = i + width;
    } else {
      for (let k = 0; k < rep.length; k++) push(i, i + width);
    }
    i += width;
  }
  out += text.slice(copied);
  return { text: out, starts: starts.subarray(0, n), ends: ends.subarray(0, n), changed };
}

/** Maps a span of folded text back to the original text. `end` is exclusive. */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (folded.starts === null || folded.ends === null) return { start, end };
  return { start: folded.starts[start] ?? 0, end: folded.ends[end - 1] ?? 0 };
}

/** True when the original characters behind a folded span differ from the folded ones (styled or hidden chars). */
export function spanWasFolded(folded: FoldedText, original: string, start: number, end: number): boolean {
  if (!folded.changed) return false;
  const span = originalSpan(folded, start, end);
  return original.slice(span.start, span.end) !== folded.text.slice(start, end);
}
