import { describe, expect, it } from 'vitest';
import { buildLines, exposedEntries, suppressSmallCells, type SuppressedTable } from './suppress.js';
import { dimension, fillMargins, strides, tabulate, type CountTable } from './table.js';

/** A table from a matrix of interior counts (rows × columns), margins added. */
function table(matrix: number[][]): CountTable {
  const rows = dimension('r', matrix.map((_, i) => `r${i}`));
  const cols = dimension('c', (matrix[0] ?? []).map((_, j) => `c${j}`));
  // Build from rows so margins come from tabulate itself.
  const data = matrix.flatMap((row, i) => row.flatMap((n, j) => Array.from({ length: n }, () => ({ r: `r${i}`, c: `c${j}` }))));
  return tabulate(data, [rows, cols]);
}

/** The published grid without the 'unknown' row and column, as a matrix with margins (null = suppressed). */
function grid(s: SuppressedTable): (number | null)[][] {
  const [rLen, cLen] = s.shape as [number, number];
  const out: (number | null)[][] = [];
  for (let i = 0; i < rLen; i++) {
    if (i === rLen - 2) continue; // unknown row
    const row: (number | null)[] = [];
    for (let j = 0; j < cLen; j++) if (j !== cLen - 2) row.push(s.values[i * cLen + j] ?? null);
    out.push(row);
  }
  return out;
}

function assertProtected(t: CountTable, s: SuppressedTable): void {
  const lines = buildLines(t.shape, strides(t.shape));
  const flag = Uint8Array.from(s.flags.map((f) => (f === null ? 0 : 1)));
  for (const line of lines) expect(line.filter((p) => flag[p] === 1).length).not.toBe(1);
  expect(exposedEntries(lines, t.counts, flag)).toEqual([]);
}

describe('small-cell suppression', () => {
  it('suppresses counts below k and one complement in a one-dimensional table', () => {
    const t = tabulate([...Array(20).fill({ s: 'a' }), ...Array(3).fill({ s: 'b' }), ...Array(30).fill({ s: 'c' })], [dimension('s', ['a', 'b', 'c'])]);
    const s = suppressSmallCells(t);
    expect(s.values).toEqual([null, null, 30, 0, 53]); // a, b, c, unknown, total
    expect(s.flags).toEqual(['secondary', 'primary', null, null, null]);
    expect([s.primary, s.secondary, s.k]).toEqual([1, 1, 11]);
    assertProtected(t, s);
  });

  it('hides a rectangle so no row or column total gives the small cell away', () => {
    const t = table([
      [50, 4, 30],
      [40, 60, 20],
      [25, 35, 45],
    ]);
    const s = suppressSmallCells(t);
    expect(grid(s)).toEqual([
      [50, null, null, 84],
      [40, 60, 20, 120],
      [25, null, null, 105],
      [115, 99, 95, 309],
    ]);
    assertProtected(t, s);
  });

  it('suppresses small margins too, and protects them in the margin lines', () => {
    const t = table([
      [3, 0],
      [0, 40],
    ]);
    const s = suppressSmallCells(t);
    const g = grid(s);
    expect(g[0]?.[0]).toBeNull();
    expect(g[0]?.[2]).toBeNull(); // row total 3
    expect(g[2]?.[0]).toBeNull(); // column total 3
    expect(g[0]?.[1]).toBe(0); // zeros are published
    assertProtected(t, s);
  });

  it('is idle when nothing is small, and respects a configurable k', () => {
    const t = table([
      [12, 15],
      [30, 11],
    ]);
    expect(suppressSmallCells(t).primary).toBe(0);
    const k20 = suppressSmallCells(t, { k: 20 });
    expect(k20.primary).toBe(3); // 12, 15 and 11
    assertProtected(t, k20);
    expect(() => suppressSmallCells(t, { k: 0 })).toThrow(RangeError);
  });

  it('protects random sparse tables (each line hides 0 or ≥ 2 entries and nothing can be worked out)', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 25; trial++) {
      const m = Array.from({ length: 2 + (trial % 4) }, () => Array.from({ length: 2 + ((trial >> 2) % 4) }, () => (next() < 0.3 ? 0 : Math.floor(next() * 30))));
      const t = table(m);
      assertProtected(t, suppressSmallCells(t));
    }
  });

  it('protects a three-dimensional table along every dimension', () => {
    const d = (n: string) => dimension(n, ['x', 'y', 'z']);
    const rows: Record<string, string>[] = [];
    let i = 0;
    for (const a of ['x', 'y', 'z']) for (const b of ['x', 'y', 'z']) for (const c of ['x', 'y', 'z']) for (let n = 0; n < ((i++ * 7) % 17); n++) rows.push({ a, b, c });
    const t = tabulate(rows, [d('a'), d('b'), d('c')]);
    const s = suppressSmallCells(t);
    expect(s.primary).toBeGreaterThan(0);
    assertProtected(t, s);
  });
});

describe('exposure audit', () => {
  const extended = (matrix: number[][]) => {
    const shape = [matrix.length + 1, (matrix[0]?.length ?? 0) + 1];
    const counts = new Array<number>(shape[0]! * shape[1]!).fill(0);
    matrix.forEach((row, i) => row.forEach((v, j) => (counts[i * shape[1]! + j] = v)));
    fillMargins(counts, shape, strides(shape));
    return { shape, counts, lines: buildLines(shape, strides(shape)) };
  };

  it('finds a hidden entry that bridges two hidden rectangles (recoverable by combining lines)', () => {
    const { shape, counts, lines } = extended([
      [20, 21, 22, 23],
      [24, 25, 26, 27],
      [28, 29, 30, 31],
      [32, 33, 34, 35],
    ]);
    const w = shape[1]!;
    const flag = new Uint8Array(counts.length);
    for (const [i, j] of [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [0, 2]] as const) flag[i * w + j] = 1;
    for (const line of lines) expect(line.filter((p) => flag[p]).length).not.toBe(1); // the simple rule passes
    expect(exposedEntries(lines, counts, flag)).toEqual([0 * w + 2]);
  });

  it('finds entries pinned by non-negativity, as when zeros are used as complements', () => {
    const { shape, counts, lines } = extended([
      [3, 0],
      [5, 0],
    ]);
    const w = shape[1]!;
    const flag = new Uint8Array(counts.length);
    for (const [i, j] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) flag[i * w + j] = 1;
    // b + d = 0 forces b = d = 0, then a = 3 and c = 5.
    expect(exposedEntries(lines, counts, flag)).toEqual([0, 1, w, w + 1]);
  });
});
