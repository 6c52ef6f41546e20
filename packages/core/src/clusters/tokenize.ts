// Fine-stage tokens: words, numbers and single symbols with their spans in the ORIGINAL text, so slot fillers can
// be reported as exact character ranges. Matching uses a folded key (lower case, no accents).

export interface Token {
  /** Comparison key: lower case, accents removed. */
  key: string;
  start: number;
  end: number;
}

// A word/number run (with inner apostrophes, dots, commas or hyphens: "d'Ana", "1.62", "120.000", "e-mail"),
// or one non-space symbol (punctuation, emoji).
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’.,\-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const HTML_TAG = /<[^<>]{0,500}>/g;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

function foldKey(s: string): string {
  const lower = s.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
}

/** Tokens of `text` (HTML tags skipped), at most `maxTokens`; `truncated` says whether text was left over. */
export function tokenize(text: string, maxTokens = Infinity): { tokens: Token[]; truncated: boolean } {
  const tags: Array<[number, number]> = [];
  if (text.includes('<')) for (const m of text.matchAll(HTML_TAG)) tags.push([m.index, m.index + m[0].length]);
  const tokens: Token[] = [];
  let t = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    while (t < tags.length && (tags[t] as [number, number])[1] <= start) t++;
    const tag = tags[t];
    if (tag !== undefined && tag[0] <= start) continue; // inside markup
    if (tokens.length >= maxTokens) return { tokens, truncated: true };
    tokens.push({ key: foldKey(m[0]), start, end: start + m[0].length });
  }
  return { tokens, truncated: false };
}
