import { PDQ_GRID } from './pdqDownscale.js';

/**
 * PDQ steps 3-5 on the 64x64 grid: quality metric, 16x16 DCT without the DC row/column, median
 * threshold, and the 8 dihedral variants derived from the DCT. All float32, in the reference's order.
 */

export const DCT_SIZE = 16;
const DCT_CELLS = DCT_SIZE * DCT_SIZE;
const fround = Math.fround;

/**
 * D[i][k] = float(float(sqrt(2/64)) * cos(pi/128 * (i+1) * (2k+1))), rows 1..16 (no DC).
 * The WebAssembly kernel (pdqWasm.ts) is loaded with this same matrix.
 */
export const DCT_MATRIX: Float32Array = (() => {
  const scale = fround(Math.sqrt(2 / PDQ_GRID));
  const matrix = new Float32Array(DCT_SIZE * PDQ_GRID);
  for (let i = 0; i < DCT_SIZE; i++) {
    for (let k = 0; k < PDQ_GRID; k++) {
      matrix[i * PDQ_GRID + k] = scale * Math.cos((Math.PI / 2 / PDQ_GRID) * (i + 1) * (2 * k + 1));
    }
  }
  return matrix;
})();

/**
 * Quality 0..100: sum over vertical and horizontal neighbours of |trunc((u-v)*100/255)| (float32),
 * divided by 90 with integer division, capped at 100.
 */
export function pdqQuality(grid: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < PDQ_GRID - 1; i++) {
    for (let j = 0; j < PDQ_GRID; j++) {
      sum += Math.abs(Math.trunc(fround(fround(fround(grid[i * PDQ_GRID + j]! - grid[(i + 1) * PDQ_GRID + j]!) * 100) / 255)));
    }
  }
  for (let i = 0; i < PDQ_GRID; i++) {
    for (let j = 0; j < PDQ_GRID - 1; j++) {
      sum += Math.abs(Math.trunc(fround(fround(fround(grid[i * PDQ_GRID + j]! - grid[i * PDQ_GRID + j + 1]!) * 100) / 255)));
    }
  }
  return Math.min(100, Math.floor(sum / 90));
}

/**
 * B = D·A·Dᵀ as a 16x16 row-major Float32Array: first T = D·A, then B = T·Dᵀ; every dot product
 * accumulates in float32 with k ascending.
 */
export function dct16(grid: Float32Array): Float32Array {
  const t = new Float32Array(DCT_SIZE * PDQ_GRID);
  for (let i = 0; i < DCT_SIZE; i++) {
    const row = t.subarray(i * PDQ_GRID, (i + 1) * PDQ_GRID);
    // k outermost keeps memory access sequential; each T[i][j] still sums k = 0, 1, ... in order.
    for (let k = 0; k < PDQ_GRID; k++) {
      const d = DCT_MATRIX[i * PDQ_GRID + k]!;
      const a = k * PDQ_GRID;
      for (let j = 0; j < PDQ_GRID; j++) row[j] = row[j]! + fround(d * grid[a + j]!);
    }
  }
  const b = new Float32Array(DCT_CELLS);
  for (let i = 0; i < DCT_SIZE; i++) {
    for (let j = 0; j < DCT_SIZE; j++) {
      let sum = 0;
      for (let k = 0; k < PDQ_GRID; k++) {
        sum = fround(sum + fround(t[i * PDQ_GRID + k]! * DCT_MATRIX[j * PDQ_GRID + k]!));
      }
      b[i * DCT_SIZE + j] = sum;
    }
  }
  return b;
}

/** The 128th smallest of the 256 values (lower median), as the reference's Torben median returns. */
function lowerMedian(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[DCT_CELLS / 2 - 1]!;
}

/**
 * Bit k = 16i + j is set iff B[i][j] > median. Hex is the 16-bit words w[15] .. w[0] (word m holds
 * bits 16m .. 16m+15), so the first hex digit carries bits 255..252.
 */
export function thresholdToHex(dct: Float32Array): string {
  const median = lowerMedian(dct);
  let hex = '';
  for (let m = DCT_SIZE - 1; m >= 0; m--) {
    let word = 0;
    for (let j = 0; j < DCT_SIZE; j++) {
      if (dct[m * DCT_SIZE + j]! > median) word |= 1 << j;
    }
    hex += word.toString(16).padStart(4, '0');
  }
  return hex;
}

export const DIHEDRAL_NAMES = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipX',
  'flipY',
  'flipPlus1',
  'flipMinus1',
] as const;
export type DihedralName = (typeof DIHEDRAL_NAMES)[number];

export interface DihedralRule {
  /** Whether B'[j][i] (instead of B'[i][j]) receives the coefficient B[i][j]. */
  readonly transpose: boolean;
  readonly negate: (i: number, j: number) => boolean;
}

const odd = (n: number): boolean => (n & 1) === 1;

// Rotating or flipping the image flips the sign of odd/even DCT basis functions along an axis;
// a quarter turn also swaps the axes.
export const DIHEDRAL_RULES: Readonly<Record<DihedralName, DihedralRule>> = {
  original: { transpose: false, negate: () => false },
  rotate90: { transpose: true, negate: (_i, j) => !odd(j) },
  rotate180: { transpose: false, negate: (i, j) => odd(i + j) },
  rotate270: { transpose: true, negate: (i) => !odd(i) },
  flipX: { transpose: false, negate: (i) => !odd(i) },
  flipY: { transpose: false, negate: (_i, j) => !odd(j) },
  flipPlus1: { transpose: true, negate: () => false },
  flipMinus1: { transpose: true, negate: (i, j) => odd(i + j) },
};

/** The DCT of the rotated or flipped image, derived from the original DCT (not from pixels). */
export function dihedralDct(dct: Float32Array, name: DihedralName): Float32Array {
  const rule = DIHEDRAL_RULES[name];
  const out = new Float32Array(DCT_CELLS);
  for (let i = 0; i < DCT_SIZE; i++) {
    for (let j = 0; j < DCT_SIZE; j++) {
      const value = dct[i * DCT_SIZE + j]!;
      out[rule.transpose ? j * DCT_SIZE + i : i * DCT_SIZE + j] = rule.negate(i, j) ? -value : value;
    }
  }
  return out;
}
