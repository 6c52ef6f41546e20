// Shingles: the sets MinHash compares. Word k-shingles for normal ads; character shingles for very short ones,
// whose few words would yield no (or one) word shingle and so could never be compared.
// Shingles span sentence boundaries: splitting at sentences was tried and lost recall on real ads, whose
// "sentences" are often two- or three-word fragments; reordered sentences are recovered through union-find chains.
import { hashCombine, hashString } from './hash.js';

export interface ShingleOptions {
  /** Words per shingle (default 5 here; the index defaults to 3). */
  k?: number;
  /** Characters per shingle for short ads (default 4). */
  charK?: number;
  /** Ads with fewer than `k + shortExtra` words use char shingles (default 3, i.e. fewer than 8 words). */
  shortExtra?: number;
}

// Salts keep the two shingle kinds in disjoint hash spaces (a short ad never matches a long one by accident).
const WORD_SALT = 0x5157;
const CHAR_SALT = 0xc4a2;

/** Hashed shingles of cleaned tokens (may repeat; MinHash treats them as a set). Empty when there is no text. */
export function shingleHashes(tokens: readonly string[], options: ShingleOptions = {}): Uint32Array {
  const k = Math.max(1, options.k ?? 5);
  const charK = Math.max(1, options.charK ?? 4);
  const shortExtra = options.shortExtra ?? 3;
  if (tokens.length === 0) return new Uint32Array(0);
  if (tokens.length >= k + shortExtra) {
    const out = new Uint32Array(tokens.length - k + 1);
    for (let i = 0; i < out.length; i++) out[i] = wordShingle(tokens, i, k);
    return out;
  }
  const s = tokens.join(' ');
  if (s.length < charK) return Uint32Array.of(hashString(s, CHAR_SALT));
  const out = new Uint32Array(s.length - charK + 1);
  for (let i = 0; i < out.length; i++) out[i] = hashString(s.slice(i, i + charK), CHAR_SALT);
  return out;
}

function wordShingle(tokens: readonly string[], from: number, len: number): number {
  let h = WORD_SALT;
  for (let j = 0; j < len; j++) h = hashCombine(h, hashString(tokens[from + j] as string, WORD_SALT));
  return h;
}
