import { describe, expect, it } from 'vitest';
import { inventTemplatedAds, pairScores, run } from './clusters.js';

describe('clusters bench', () => {
  it('runs on a small sample and reports speed and quality', async () => {
    const lines: string[] = [];
    const r = await run({ ads: 2000, templates: 40, realData: false, log: (l) => lines.push(l) });
    expect(r.ads).toBe(2000);
    expect(r.coarseAdsPerSecond).toBeGreaterThan(0);
    expect(r.fine.precision).toBeGreaterThan(0.9);
    expect(r.fine.recall).toBeGreaterThan(0.8);
    expect(lines.some((l) => l.includes('ads/s'))).toBe(true);
    expect(lines.some((l) => l.includes('precision'))).toBe(true);
  });

  it('invents the same ads for a seed', () => {
    expect(inventTemplatedAds(50, 5, 0.1, 7)).toEqual(inventTemplatedAds(50, 5, 0.1, 7));
  });

  it('scores pairs and ARI', () => {
    expect(pairScores(['a', 'a', 'b', 'b'], [1, 1, 2, 2])).toEqual({ precision: 1, recall: 1, ari: 1 });
    const s = pairScores(['a', 'a', 'a', 'a'], [1, 1, 2, 2]);
    expect(s.precision).toBeCloseTo(2 / 6);
    expect(s.recall).toBe(1);
    expect(s.ari).toBeCloseTo(0);
  });
});
