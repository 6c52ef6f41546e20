import { describe, expect, it } from 'vitest';
import { run } from './hotline.js';

describe('hotline bench', () => {
  it('runs on a small sample and prints its figures', async () => {
    const lines: string[] = [];
    const r = await run({ reports: 100, log: (l) => lines.push(l) });
    expect(r.reportsPerSecond).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('reports/s'))).toBe(true);
    expect(lines.some((l) => l.startsWith('authority report'))).toBe(true);
  });
});
