// Quotation on folded text: "colegiala" in a news item, a warning or an ad that quotes a banned term is a mention,
// not an offer. Folding has already turned “…”, «…», „…“ into "…" and ‘…’ into '…', so only the two ASCII
// marks are looked at. One linear pass, no regex: a quote counts only when it closes within the same line
// (paragraph) and within MAX_QUOTED_CHARS; single quotes count only when they clearly pair around words, so
// apostrophes ("don't", "d'avila", "girls' photos") never open one.

/** Longest quoted stretch, in folded UTF-16 units; longer "quotes" are more likely stray marks. */
export const MAX_QUOTED_CHARS = 200;

const DQ = 0x22; // "
const SQ = 0x27; // '
const NL = 0x0a;

/** A letter or digit (folded text is mostly ASCII; other Latin, Greek and Cyrillic letters count too). */
function isWordUnit(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff)
  );
}

function isLetterUnit(c: number): boolean {
  return isWordUnit(c) && !(c >= 0x30 && c <= 0x39);
}

const isSpace = (c: number): boolean => c === 0x20 || c === NL || c === 0x09 || c === 0xa0 || Number.isNaN(c);

/**
 * Quoted stretches of folded `text` as a flat list `[from0, to0, from1, to1, …]` of folded ranges between the marks
 * (`text.slice(from, to)` is the quoted content), ordered by closing position. Single-quoted stretches may nest in
 * double-quoted ones.
 *
 * A mark opens when it follows a non-word character (or the start) and is followed by a non-space (for `'`: by a
 * letter); it closes an open quote of the same kind when it follows a non-space and is followed by a non-word
 * character (or the end). A line break drops open quotes; so does reaching MAX_QUOTED_CHARS.
 */
export function findQuotedRanges(text: string): number[] {
  const ranges: number[] = [];
  if (text.indexOf('"') < 0 && text.indexOf("'") < 0) return ranges;
  let openDouble = -1;
  let openSingle = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      openDouble = -1;
      openSingle = -1;
      continue;
    }
    if (c !== DQ && c !== SQ) continue;
    const prev = i > 0 ? text.charCodeAt(i - 1) : NaN;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : NaN;
    const canClose = !isSpace(prev) && !isWordUnit(next);
    if (c === DQ) {
      if (openDouble >= 0 && i - openDouble - 1 > MAX_QUOTED_CHARS) openDouble = -1;
      if (openDouble >= 0 && canClose) {
        // A single quote opened inside and not closed there stays unclosed.
        if (openSingle > openDouble) openSingle = -1;
        ranges.push(openDouble + 1, i);
        openDouble = -1;
      } else if (!isWordUnit(prev) && !isSpace(next)) {
        openDouble = i;
      }
    } else {
      if (openSingle >= 0 && i - openSingle - 1 > MAX_QUOTED_CHARS) openSingle = -1;
      if (openSingle >= 0 && canClose) {
        ranges.push(openSingle + 1, i);
        openSingle = -1;
      } else if (!isWordUnit(prev) && isLetterUnit(next)) {
        openSingle = i;
      }
    }
  }
  return ranges;
}

/** True when folded [start, end) lies entirely inside one of `ranges` (from {@link findQuotedRanges}). */
export function isQuoted(ranges: readonly number[], start: number, end: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (ranges[k]! <= start && end <= ranges[k + 1]!) return true;
  return false;
}
