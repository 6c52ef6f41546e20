import { DIHEDRAL_NAMES, normalizeHash256Hex, type DihedralName } from '@centinela/core';

/**
 * The 8 dihedral variants of a PDQ hash when only the hash is known (no pixels).
 *
 * Core derives them exactly from the DCT (transpose and sign flips, then a fresh median). From the
 * bits alone the transpose is exact, but a negated coefficient can only be approximated by flipping
 * its bit: the bits of coefficients near the median may differ from the exact variant. Good enough
 * to catch rotated copies at the usual threshold; with the image, use `pdqHashDihedral` instead.
 */

interface Rule {
  transpose: boolean;
  negate: (i: number, j: number) => boolean;
}

const odd = (n: number): boolean => (n & 1) === 1;

// The same rules as core's `dihedralDct` (pdqDct.ts), which it does not export.
const RULES: Record<DihedralName, Rule> = {
  original: { transpose: false, negate: () => false },
  rotate90: { transpose: true, negate: (_i, j) => !odd(j) },
  rotate180: { transpose: false, negate: (i, j) => odd(i + j) },
  rotate270: { transpose: true, negate: (i) => !odd(i) },
  flipX: { transpose: false, negate: (i) => !odd(i) },
  flipY: { transpose: false, negate: (_i, j) => !odd(j) },
  flipPlus1: { transpose: true, negate: () => false },
  flipMinus1: { transpose: true, negate: (i, j) => odd(i + j) },
};

/** Bit (i, j) = DCT row i, column j. Hex holds row 15 first, each row a 16-bit word with column j at bit j. */
function toBits(hex: string): Uint8Array {
  const bits = new Uint8Array(256);
  for (let i = 0; i < 16; i++) {
    const word = parseInt(hex.slice((15 - i) * 4, (15 - i) * 4 + 4), 16);
    for (let j = 0; j < 16; j++) bits[i * 16 + j] = (word >> j) & 1;
  }
  return bits;
}

function toHex(bits: Uint8Array): string {
  let hex = '';
  for (let i = 15; i >= 0; i--) {
    let word = 0;
    for (let j = 0; j < 16; j++) word |= bits[i * 16 + j]! << j;
    hex += word.toString(16).padStart(4, '0');
  }
  return hex;
}

export function dihedralVariantsOfHash(hash: string): Record<DihedralName, string> {
  const bits = toBits(normalizeHash256Hex(hash));
  const out = {} as Record<DihedralName, string>;
  for (const name of DIHEDRAL_NAMES) {
    const rule = RULES[name];
    const variant = new Uint8Array(256);
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 16; j++) {
        variant[rule.transpose ? j * 16 + i : i * 16 + j] = bits[i * 16 + j]! ^ (rule.negate(i, j) ? 1 : 0);
      }
    }
    out[name] = toHex(variant);
  }
  return out;
}
