import { MediaError } from './errors.js';

/**
 * 256-bit hashes (PDQ) as 64 hex characters, as 8 Uint32 words, or as a BigInt.
 *
 * Word layout: `words[i]` holds hex characters `8i .. 8i+7` read as one big-endian number, so
 * `words[0]` is the first 8 hex digits. The BigInt of the hex string has the reference's bit `k`
 * (DCT coefficient `16*row + col`) at BigInt bit `k`.
 */
export const HASH256_HEX_LENGTH = 64;
export const HASH256_WORDS = 8;
export const ZERO_HASH256_HEX = '0'.repeat(HASH256_HEX_LENGTH);

/** Eight 32-bit words; always length 8 when produced by this module. */
export type Hash256Words = Uint32Array;

const HEX_256 = /^[0-9a-fA-F]{64}$/;

export function isHash256Hex(value: unknown): value is string {
  return typeof value === 'string' && HEX_256.test(value);
}

/** Returns the canonical lowercase form, or throws `media.invalid_hash`. */
export function normalizeHash256Hex(value: string): string {
  if (!isHash256Hex(value)) {
    throw new MediaError('media.invalid_hash', 'a 256-bit hash must be exactly 64 hexadecimal characters');
  }
  return value.toLowerCase();
}

/** Parses 64 hex characters into 8 words (written into `out` at `offset` when given). */
export function hexToWords(hex: string, out: Uint32Array = new Uint32Array(HASH256_WORDS), offset = 0): Uint32Array {
  if (!isHash256Hex(hex)) {
    throw new MediaError('media.invalid_hash', 'a 256-bit hash must be exactly 64 hexadecimal characters');
  }
  for (let i = 0; i < HASH256_WORDS; i++) {
    out[offset + i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  }
  return out;
}

export function wordsToHex(words: ArrayLike<number>, offset = 0): string {
  let hex = '';
  for (let i = 0; i < HASH256_WORDS; i++) {
    hex += ((words[offset + i] ?? 0) >>> 0).toString(16).padStart(8, '0');
  }
  return hex;
}

export function hexToBigInt(hex: string): bigint {
  return BigInt('0x' + normalizeHash256Hex(hex));
}

export function bigIntToHex(value: bigint): string {
  if (value < 0n || value >> 256n !== 0n) {
    throw new MediaError('media.invalid_hash', 'value does not fit in 256 bits');
  }
  return value.toString(16).padStart(HASH256_HEX_LENGTH, '0');
}

/** Number of set bits in a 32-bit integer (SWAR; JS has no popcount instruction). */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance between two hashes stored as words at the given offsets. */
export function hammingDistanceWords(a: ArrayLike<number>, b: ArrayLike<number>, aOffset = 0, bOffset = 0): number {
  let distance = 0;
  for (let i = 0; i < HASH256_WORDS; i++) {
    distance += popcount32(((a[aOffset + i] ?? 0) ^ (b[bOffset + i] ?? 0)) >>> 0);
  }
  return distance;
}

/** Hamming distance between two 64-hex hashes; throws `media.invalid_hash` on malformed input. */
export function hammingDistance(a: string, b: string): number {
  return hammingDistanceWords(hexToWords(a), hexToWords(b));
}
