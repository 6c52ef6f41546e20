import { describe, expect, it } from 'vitest';
import { HashIndex } from './hashIndex.js';
import { isMatchableQuality, matchPdq } from './pdqMatch.js';

const H0 = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';
const H1 = 'd8f8f0cee0f4a84f0637022a038f67f0b36e2ed596631e1d33e6339c4e9c9b22'; // 2 bits from H0
const ROT = '30a10efdf1c83f429013d48d0ffffc52e34e0e35ada952a9d29605215aa9e5af';

describe('matchPdq', () => {
  const index = new HashIndex<string>([
    [H1, 'near'],
    [ROT, 'rotated'],
  ]);

  it('refuses quality under 50 and says so', () => {
    expect(isMatchableQuality(49)).toBe(false);
    expect(isMatchableQuality(50)).toBe(true);
    expect(matchPdq(index, { hash: H0, quality: 49 })).toEqual({
      status: 'low_quality',
      quality: 49,
      minQuality: 50,
      matches: [],
    });
  });

  it('matches within 31 and reports misses', () => {
    const result = matchPdq(index, { hash: H0, quality: 100 });
    expect(result.status).toBe('matched');
    expect(result.matches.map((m) => [m.value, m.distance, m.variant])).toEqual([['near', 2, 'original']]);
    expect(matchPdq(index, { hash: 'f'.repeat(64), quality: 90 }).status).toBe('no_match');
  });

  it('matches dihedral variants once each, at the nearest variant', () => {
    const result = matchPdq(index, { hash: H0, quality: 100, dihedral: { original: H0, rotate90: ROT, flipX: H1 } });
    expect(result.matches.map((m) => [m.value, m.distance, m.variant])).toEqual([
      ['near', 0, 'flipX'],
      ['rotated', 0, 'rotate90'],
    ]);
  });
});
