import { normalizeHash256Hex } from './hash256.js';
import { DIHEDRAL_NAMES, DIHEDRAL_RULES, type DihedralName } from './pdqDct.js';

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

/**
 * The 8 dihedral variants of a PDQ hash when only the hash is known (no pixels), by the same rules
 * `pdqHashDihedral` applies to the DCT. Transposition is exact; a negated coefficient can only be
 * approximated by flipping its bit (the exact variant re-thresholds at a new median), so bits of
 * coefficients near the median may differ. With the pixels, use `pdqHashDihedral`.
 */
export function dihedralVariantsOfHash(hash: string): Record<DihedralName, string> {
  const bits = toBits(normalizeHash256Hex(hash));
  const out = {} as Record<DihedralName, string>;
  for (const name of DIHEDRAL_NAMES) {
    const rule = DIHEDRAL_RULES[name];
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
