import { describe, expect, it } from 'vitest';
import { run } from './match.js';

describe('match bench', () => {
  it('runs on a small bank, finds every planted neighbour and no decoy', async () => {
    const lines: string[] = [];
    const result = await run({ bankSize: 20_000, dbSize: 1000, seconds: 0.3, log: (l) => lines.push(l) });
    expect(result).toMatchObject({ plantedFound: 1000, plantedExpected: 1000, falseMatches: 0 });
    expect(lines.join('\n')).toMatch(/hash queries\/s/);
  });
});
