import { describe, expect, it } from 'vitest';
import {
  bigIntToHex,
  hammingDistance,
  hexToBigInt,
  hexToWords,
  isHash256Hex,
  normalizeHash256Hex,
  popcount32,
  wordsToHex,
} from './hash256.js';
import { MediaError } from './errors.js';

const A = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';
const B = 'd8f8f0cee0f4a84f0637022a038f67f0b36e2ed596631e1d33e6339c4e9c9b22';

describe('hash256', () => {
  it('validates 64 hex characters', () => {
    expect(isHash256Hex(A)).toBe(true);
    expect(isHash256Hex(A.toUpperCase())).toBe(true);
    for (const bad of ['', A.slice(1), A + '0', A.replace('d', 'g'), ` ${A.slice(1)}`, 42]) {
      expect(isHash256Hex(bad)).toBe(false);
    }
    expect(normalizeHash256Hex(A.toUpperCase())).toBe(A);
    expect(() => normalizeHash256Hex('xyz')).toThrow(MediaError);
    try {
      hexToWords('00');
    } catch (error) {
      expect((error as MediaError).code).toBe('media.invalid_hash');
    }
  });

  it('round-trips through words and BigInt', () => {
    const words = hexToWords(A);
    expect(words[0]).toBe(0xd8f8f0ce);
    expect(wordsToHex(words)).toBe(A);
    expect(bigIntToHex(hexToBigInt(A))).toBe(A);
    // Reference bit k is BigInt bit k: the last hex digit holds bits 3..0.
    expect(hexToBigInt('0'.repeat(63) + '1') & 1n).toBe(1n);
    expect(() => bigIntToHex(1n << 256n)).toThrow(MediaError);
  });

  it('computes Hamming distances', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
    expect(hammingDistance(A, A)).toBe(0);
    expect(hammingDistance(A, B)).toBe(2);
    expect(hammingDistance('0'.repeat(64), 'f'.repeat(64))).toBe(256);
    expect(hammingDistance(A, A.toUpperCase())).toBe(0);
  });
});
