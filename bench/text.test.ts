import { describe, expect, it } from 'vitest';
import { score } from '../packages/core/src/risk/index.js';
import { inventTextAd, run } from './text.js';

describe('text bench', () => {
  it('runs on a small sample and reports figures', async () => {
    const lines: string[] = [];
    const result = await run({ ads: 300, maxSeconds: 5, log: (l) => lines.push(l) });
    expect(result.ads).toBe(300);
    expect(result.adsPerSecond).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('ads/s'))).toBe(true);
    expect(lines.some((l) => l.startsWith('heap used'))).toBe(true);
  });

  it('invented ads are about 500 characters and score in [0, 1]', () => {
    let seed = 3;
    const rnd = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 100; i++) {
      const ad = inventTextAd(rnd);
      expect(ad.text.length).toBeGreaterThan(400);
      expect(ad.text.length).toBeLessThan(800);
      const r = score(ad.text, { defaultRegion: ad.region });
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });
});
