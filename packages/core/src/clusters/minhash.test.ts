import { describe, expect, it } from 'vitest';
import { cleanTokens } from './clean.js';
import { fmix32, hashString } from './hash.js';
import { candidateProbability, chooseBands, lshThreshold } from './lsh.js';
import { estimateJaccard, MinHasher } from './minhash.js';
import { shingleHashes } from './shingles.js';

function setOf(from: number, to: number): Uint32Array {
  return Uint32Array.from({ length: to - from }, (_, i) => fmix32(from + i + 1));
}

describe('MinHash', () => {
  it('estimates Jaccard within sampling error', () => {
    const h = new MinHasher(256, 7);
    // |A ∩ B| = 600, |A ∪ B| = 1000 → J = 0.6
    const a = h.signature(setOf(0, 800));
    const b = h.signature(setOf(200, 1000));
    expect(estimateJaccard(a, b)).toBeGreaterThan(0.5);
    expect(estimateJaccard(a, b)).toBeLessThan(0.7);
    const c = h.signature(setOf(5000, 6000));
    expect(estimateJaccard(a, c)).toBeLessThan(0.05);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const s = setOf(0, 50);
    expect(new MinHasher(128, 3).signature(s)).toEqual(new MinHasher(128, 3).signature(s));
    expect(new MinHasher(128, 3).signature(s)).not.toEqual(new MinHasher(128, 4).signature(s));
    expect(hashString('hola', 1)).toBe(hashString('hola', 1));
    expect(hashString('hola', 1)).not.toBe(hashString('hola', 2));
  });

  it('gives an empty set an all-max signature and rejects bad sizes', () => {
    expect([...new MinHasher(4, 1).signature(new Uint32Array(0))]).toEqual([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]);
    expect(() => new MinHasher(0)).toThrow(RangeError);
  });
});

describe('LSH S-curve', () => {
  it('documents the default 32 × 4 banding', () => {
    expect(lshThreshold(32, 4)).toBeCloseTo(0.42, 2);
    expect(candidateProbability(0.3, 32, 4)).toBeLessThan(0.25);
    expect(candidateProbability(0.5, 32, 4)).toBeGreaterThan(0.85);
    expect(candidateProbability(0.6, 32, 4)).toBeGreaterThan(0.98);
  });

  it('chooses bands for a threshold', () => {
    const { bands, rows } = chooseBands(128, 0.6);
    expect(bands * rows).toBeLessThanOrEqual(128);
    expect(Math.abs(lshThreshold(bands, rows) - 0.6)).toBeLessThan(0.05);
  });
});

describe('cleaning and shingles', () => {
  it('drops markup, digits, contacts and accents, keeps words', () => {
    const t = cleanTokens(
      '<b>Hola</b> soy Lucía &amp; tengo 22 años 📞 +57 310 555 1234 maria.x@example.com https://example.com/x www.site.co @lucia_22 São',
    );
    expect(t).toEqual(['hola', 'soy', 'lucia', 'tengo', 'anos', 'sao']);
  });

  it('handles empty, binary and huge input within the caps', () => {
    expect(cleanTokens('')).toEqual([]);
    expect(cleanTokens('\u0000\u0001\uFFFD\uD800 12345')).toEqual([]);
    expect(cleanTokens('palabra '.repeat(100_000), 20_000).length).toBe(2500);
    expect(cleanTokens('a b c d e f', 20_000, 3)).toEqual(['a', 'b', 'c']);
  });

  it('uses word shingles for normal ads and char shingles for short ones', () => {
    const long = shingleHashes('uno dos tres cuatro cinco seis siete ocho nueve'.split(' '), { k: 5 });
    expect(long.length).toBe(5);
    const short = shingleHashes(['hola', 'amor'], { k: 5, charK: 4 });
    expect(short.length).toBe('hola amor'.length - 3);
    expect(shingleHashes([], {}).length).toBe(0);
  });
});
