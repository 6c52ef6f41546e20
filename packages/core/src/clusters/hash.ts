import { mulberry32Uint32 } from '../stats/rng.js';
// Small, fast, seeded 32-bit hashing. Written here (not a crypto hash) because MinHash calls it millions of times.

/** MurmurHash3's finaliser: a cheap bijective 32-bit mixer with good avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a string's UTF-16 code units (FNV-1a core, murmur finaliser). Deterministic across runs and platforms. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h ^ s.length);
}

/** Combines an accumulated hash with one more 32-bit value (order-sensitive). */
export function hashCombine(acc: number, value: number): number {
  return fmix32((Math.imul(acc ^ value, 0x9e3779b1) + 0x7f4a7c15) | 0);
}

/** mulberry32: a tiny seeded PRNG, used to draw MinHash permutation parameters from the caller's seed. */
export const prng = mulberry32Uint32;
