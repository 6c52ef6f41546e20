// Multi-index keys for finding PDQ hashes within Hamming distance 31 with exact look-ups (a database index):
// the 256 bits are cut into 16 chunks of 16 bits. Two hashes at distance ≤ 31 differ in at most one bit in at least
// one chunk (pigeonhole: 16 chunks × 2 bits = 32 > 31), so probing each chunk's value and its 16 one-bit neighbours
// (272 keys) finds every stored hash within 31 — plus some farther ones, which the caller verifies.
import { normalizeHash256Hex } from '../media/hash256.js';

const CHUNKS = 16;

function chunks(hex: string): number[] {
  const h = normalizeHash256Hex(hex);
  return Array.from({ length: CHUNKS }, (_, i) => parseInt(h.slice(i * 4, i * 4 + 4), 16));
}

/** A key per chunk: chunk index × 65,536 + chunk value (fits a 32-bit integer column). */
export function pdqStoreKeys(hex: string): number[] {
  return chunks(hex).map((v, i) => i * 65536 + v);
}

/** Every key a hash within distance 31 of `hex` has stored under at least one of. */
export function pdqProbeKeys(hex: string): number[] {
  const out: number[] = [];
  chunks(hex).forEach((v, i) => {
    out.push(i * 65536 + v);
    for (let b = 0; b < 16; b++) out.push(i * 65536 + (v ^ (1 << b)));
  });
  return out;
}

/** Largest distance the link graph treats as the same image (the platform's PDQ match threshold). */
export const PDQ_LINK_DISTANCE = 31;
