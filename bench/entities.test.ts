import { describe, expect, it } from 'vitest';
import { extractEntities } from '../packages/core/src/entities/index.js';
import { inventAd, run } from './entities.js';

describe('entities bench', () => {
  it('runs on a small sample and reports a figure', async () => {
    const lines: string[] = [];
    const result = await run({ ads: 300, log: (l) => lines.push(l) });
    expect(result.ads).toBe(300);
    expect(result.entities).toBeGreaterThan(300);
    expect(lines[0]).toMatch(/ads\/s/);
  });

  it('every invented ad yields its phone', () => {
    let seed = 1;
    const rnd = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 300; i++) {
      const ad = inventAd(rnd);
      const phones = extractEntities(ad.text, { defaultRegion: ad.region }).filter((e) => e.type === 'phone');
      expect(phones.length, ad.text).toBeGreaterThan(0);
    }
  });
});
