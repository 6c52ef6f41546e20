import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dihedralVariantsOfHash } from './dihedralHash.js';
import { hammingDistance } from './hash256.js';
import { DIHEDRAL_NAMES } from './pdqDct.js';

const CSV = fileURLToPath(new URL('../../test-fixtures/pdq/synthetic/dihedral.csv', import.meta.url));
const [header, ...rows] = readFileSync(CSV, 'utf8').trim().split('\n');
const columns = header!.split(',');
const vectors = rows.map((r) => Object.fromEntries(r.split(',').map((c, i) => [columns[i]!, c])));

describe('dihedralVariantsOfHash (from the bits alone)', () => {
  // Checkerboards are left out: most of their coefficients sit at the median, where flipping a bit is a coin toss.
  const matchable = vectors.filter((v) => Number(v['quality']) >= 50 && !v['file']!.startsWith('checker'));
  it('covers most of the vectors', () => expect(matchable.length).toBeGreaterThanOrEqual(14));
  it.each(matchable)('approximates the exact variants of $file', (v) => {
    const approx = dihedralVariantsOfHash(v['original']!);
    expect(approx.original).toBe(v['original']);
    // A pure transposition keeps the median, so its bits are exact.
    expect(approx.flipPlus1).toBe(v['flipPlus1']);
    for (const name of DIHEDRAL_NAMES) expect(hammingDistance(approx[name], v[name]!), name).toBeLessThanOrEqual(31);
  });
});
