// A stored form of one ad's MinHash-LSH state, so an index can live in a database instead of memory: the
// 16-bit signature, its band keys and a whole-signature key for exact duplicates — the very values LshIndex uses.
import { cleanTokens } from './clean.js';
import { hashCombine } from './hash.js';
import { COARSE_DEFAULTS } from './lshIndex.js';
import { MinHasher } from './minhash.js';
import { shingleHashes } from './shingles.js';
import type { CoarseOptions } from './types.js';

export interface AdSketch {
  /** numPerm values, each the low 16 bits of a MinHash value (as LshIndex keeps them). */
  signature: Uint16Array;
  /** One key per band (unsigned 32-bit), computed as LshIndex computes its bucket keys. */
  bands: number[];
  /** Key of the whole signature: equal for exact duplicates. */
  whole: number;
}

const hashers = new Map<string, MinHasher>();

/** The sketch of one ad, or null when it has too little text to be indexed (it stays alone). */
export function adSketch(text: string, options: CoarseOptions = {}): AdSketch | null {
  const o = { ...COARSE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<CoarseOptions>;
  const key = `${o.numPerm}:${o.seed}`;
  let hasher = hashers.get(key);
  if (hasher === undefined) hashers.set(key, (hasher = new MinHasher(o.numPerm, o.seed)));
  const shingles = shingleHashes(cleanTokens(typeof text === 'string' ? text : '', o.maxChars, o.maxTokens), { k: o.k, charK: o.charK, shortExtra: o.shortExtra });
  if (new Set(shingles).size < o.minShingles) return null;
  const sig = hasher.signature(shingles);
  const signature = new Uint16Array(o.numPerm);
  let whole = o.seed;
  for (let i = 0; i < o.numPerm; i++) {
    signature[i] = (sig[i] as number) & 0xffff;
    whole = hashCombine(whole, sig[i] as number);
  }
  const bands: number[] = [];
  for (let b = 0; b < o.bands; b++) {
    let k = hashCombine(0x1b873593, b);
    for (let r = 0; r < o.rows; r++) k = hashCombine(k, sig[b * o.rows + r] as number);
    bands.push(k >>> 0);
  }
  return { signature, bands, whole: whole >>> 0 };
}

/** Estimated Jaccard of two sketches' signatures. */
export function sketchSimilarity(a: Uint16Array, b: Uint16Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let eq = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) eq++;
  return eq / n;
}

/** Signature as compact text (4 hex digits per value) for a text column on both databases. */
export function encodeSignature(sig: Uint16Array): string {
  let out = '';
  for (const v of sig) out += v.toString(16).padStart(4, '0');
  return out;
}

export function decodeSignature(text: string): Uint16Array {
  const out = new Uint16Array(Math.floor(text.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 4, i * 4 + 4), 16);
  return out;
}
