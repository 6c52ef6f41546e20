// Banded LSH: a signature of b bands × r rows puts two ads in a common bucket with probability
//   P(s) = 1 − (1 − s^r)^b           (s = Jaccard similarity of their shingle sets),
// an S-curve whose steepest point is near t ≈ (1/b)^(1/r).
//
// Default 32 bands × 4 rows (128 permutations), t ≈ 0.42, then every candidate pair is verified by its
// estimated Jaccard (default ≥ 0.6, on 3-word shingles). The curve is set a little left of the verification threshold on purpose:
// missing a true pair (a false negative) cannot be repaired later, a false candidate costs one 128-value compare.
//
//   s        0.3    0.4    0.5    0.6    0.7    0.8
//   P(s)     0.23   0.56   0.87   0.99   >0.999 ≈1
//
// Why 3-word shingles at 0.6 rather than 5-word at 0.5: one swapped name or city breaks k shingles on each side,
// so short templated ads (40–60 words) with 2–3 slots fall under 0.5 with k = 5. On the masked real ads scored
// against shared-phone groups (bench/clusters.ts), k=3/t=0.6 gave pairwise precision 0.898, recall 0.226;
// k=5/t=0.5 gave 0.864 / 0.224; k=4/t=0.55 0.893 / 0.223. Shingles that stop at sentence ends (immune to reordered
// sentences) were tried and lost recall (k=5: 0.172), real ads being full of two-word fragments.
//
// Union-find then closes chains, so a family whose members are each ≥ 0.5 similar to some other member ends up in
// one cluster even when its two most different members are not similar at all.

/** Probability that two sets with Jaccard `s` share at least one band bucket. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}

/** The Jaccard at the S-curve's steep point, (1/b)^(1/r). */
export function lshThreshold(bands: number, rows: number): number {
  return (1 / bands) ** (1 / rows);
}

/**
 * bands × rows ≤ numPerm whose steep point is closest to `threshold` (ties: more bands, i.e. fewer misses).
 * Useful when a caller changes numPerm or the threshold; the index takes bands/rows explicitly.
 */
export function chooseBands(numPerm: number, threshold: number): { bands: number; rows: number } {
  let best = { bands: numPerm, rows: 1 };
  let bestErr = Infinity;
  for (let rows = 1; rows <= numPerm; rows++) {
    const bands = Math.floor(numPerm / rows);
    if (bands < 1) break;
    const err = Math.abs(lshThreshold(bands, rows) - threshold);
    if (err < bestErr - 1e-12) {
      best = { bands, rows };
      bestErr = err;
    }
  }
  return best;
}
