// MinHash signatures: P[sigA[i] === sigB[i]] equals the Jaccard similarity of the two shingle sets.
import { prng } from './hash.js';

/**
 * `numPerm` seeded hash permutations of the 32-bit space, each `x ↦ xorshift16((x ^ b) · a)` with odd `a`
 * (every step is a bijection, so each is a true permutation). Three integer ops per shingle and permutation.
 */
export class MinHasher {
  readonly numPerm: number;
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;

  constructor(numPerm = 128, seed = 1) {
    if (!Number.isInteger(numPerm) || numPerm < 1 || numPerm > 1024) throw new RangeError('numPerm must be 1..1024');
    this.numPerm = numPerm;
    const rnd = prng(seed);
    this.a = new Uint32Array(numPerm);
    this.b = new Uint32Array(numPerm);
    for (let i = 0; i < numPerm; i++) {
      this.a[i] = rnd() | 1;
      this.b[i] = rnd();
    }
  }

  /** Signature of a shingle set; all 0xFFFFFFFF for an empty set. Writes into `out` when given (no allocation). */
  signature(shingles: Uint32Array, out: Uint32Array = new Uint32Array(this.numPerm)): Uint32Array {
    out.fill(0xffffffff);
    const { a, b, numPerm } = this;
    for (let s = 0; s < shingles.length; s++) {
      const x = shingles[s] as number;
      for (let i = 0; i < numPerm; i++) {
        let v = Math.imul(x ^ (b[i] as number), a[i] as number);
        v = (v ^ (v >>> 16)) >>> 0;
        if (v < (out[i] as number)) out[i] = v;
      }
    }
    return out;
  }
}

/** Estimated Jaccard: the share of equal signature components. */
export function estimateJaccard(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  if (n === 0) return 0;
  let eq = 0;
  for (let i = 0; i < n; i++) if (x[i] === y[i]) eq++;
  return eq / n;
}
