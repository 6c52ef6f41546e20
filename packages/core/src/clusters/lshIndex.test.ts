import { describe, expect, it } from 'vitest';
import { familyAds, member, UNRELATED } from './families.test.js';
import { LshIndex, rebuildIndex } from './lshIndex.js';
import type { Ad } from './types.js';

/** Partition as a sorted list of sorted member lists (ids independent of order). */
function partition(index: LshIndex): string[][] {
  return [...index.clusters(true).values()].map((m) => [...m].sort()).sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const corpus: Ad[] = [
  ...familyAds('es', 12),
  ...familyAds('en', 10),
  ...familyAds('pt', 9),
  ...familyAds('es2', 8),
  ...UNRELATED.map((text, i) => ({ id: `u-${i}`, text })),
];

describe('LshIndex', () => {
  it('puts each family in one cluster and leaves unrelated ads alone', () => {
    const index = rebuildIndex(corpus);
    const clusters = [...index.clusters().values()];
    expect(clusters).toHaveLength(4);
    for (const fam of ['es-', 'en-', 'pt-', 'es2-']) {
      const c = clusters.find((m) => (m[0] as string).startsWith(fam));
      expect(c?.every((id) => id.startsWith(fam))).toBe(true);
    }
    for (let i = 0; i < UNRELATED.length; i++) expect(index.clusterSizeOf(`u-${i}`)).toBe(1);
  });

  it('joins new ads to existing clusters incrementally, with stable first-seen ids', () => {
    const index = new LshIndex();
    const first = index.add({ id: 'a', text: member('es', 0) });
    expect(first).toEqual({ clusterId: 'a', isNew: true, merged: [], indexed: true });
    expect(index.add({ id: 'x', text: UNRELATED[0] as string }).isNew).toBe(true);
    const second = index.add({ id: 'b', text: member('es', 1) });
    expect(second).toMatchObject({ clusterId: 'a', isNew: false, merged: [] });
    for (let i = 2; i < 8; i++) expect(index.add({ id: `m${i}`, text: member('es', i) }).clusterId).toBe('a');
    expect(index.clusterOf('m7')).toBe('a');
    expect(index.clusterSizeOf('a')).toBe(8);
    // Adding an id twice is a no-op.
    expect(index.add({ id: 'b', text: 'anything' })).toMatchObject({ clusterId: 'a', isNew: false });
    expect(index.size).toBe(9);
  });

  it('reports the younger cluster id as merged when an ad bridges two clusters', () => {
    const a = 'alfa bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa';
    const b = 'quebec romeo sierra tango uniform victor whiskey xray yankee zulu ambar brisa cedro duna eter faro';
    // J(C, A) = J(C, B) ≈ 0.48, under the default 0.6: use a looser index (2-row bands: every such pair is a candidate).
    const loose = new LshIndex({ k: 2, threshold: 0.4, bands: 64, rows: 2 });
    loose.add({ id: 'A', text: a });
    loose.add({ id: 'B', text: b });
    const joined = loose.add({ id: 'C', text: `${a} ${b}` });
    expect(joined).toMatchObject({ clusterId: 'A', isNew: false, merged: ['B'] });
    expect(loose.clusterOf('B')).toBe('A');
  });

  it('gives the same partition incrementally, rebuilt, and in any insertion order', () => {
    const incremental = new LshIndex();
    const results = corpus.map((ad) => incremental.add(ad));
    const rebuilt = rebuildIndex(corpus);
    expect(partition(incremental)).toEqual(partition(rebuilt));
    expect([...incremental.clusters().keys()]).toEqual([...rebuilt.clusters().keys()]);
    // Ids returned at insert time are final unless reported as merged later.
    const merged = new Set(results.flatMap((r) => r.merged));
    results.forEach((r, i) => {
      if (!merged.has(r.clusterId)) expect(rebuilt.clusterOf((corpus[i] as Ad).id)).toBe(r.clusterId);
    });
    for (const seed of [1, 2, 3]) expect(partition(rebuildIndex(shuffled(corpus, seed)))).toEqual(partition(rebuilt));
  });

  it('is deterministic for a seed', () => {
    const p1 = partition(rebuildIndex(corpus, { seed: 9 }));
    const p2 = partition(rebuildIndex(corpus, { seed: 9 }));
    expect(p1).toEqual(p2);
    const i1 = rebuildIndex(corpus, { seed: 9 });
    const i2 = rebuildIndex(corpus, { seed: 10 });
    expect(i1.similarity('es-0', 'es-1')).toBe(rebuildIndex(corpus, { seed: 9 }).similarity('es-0', 'es-1'));
    expect(i1.similarity('es-0', 'es-1')).not.toBe(i2.similarity('es-0', 'es-1'));
  });

  it('merges near-duplicates and exact copies cheaply', () => {
    const index = new LshIndex();
    const text = member('pt', 3);
    for (let i = 0; i < 20_000; i++) index.add({ id: `copy${i}`, text });
    index.add({ id: 'near', text: `${text} Beijos!` });
    expect(index.clusterSizeOf('copy0')).toBe(20_001);
    expect(index.clusterOf('near')).toBe('copy0');
    // Copies share one bucket set: the bucket table holds ~one entry per band.
    expect(index.bytes).toBeLessThan(32_768 * (128 * 2 + 32 * 4 + 12) + 200_000); // capacity doubles: 2^15 slots
  });

  it('handles empty, one-word, binary and huge ads without clustering them by accident', () => {
    const index = new LshIndex();
    expect(index.add({ id: 'e1', text: '' })).toEqual({ clusterId: 'e1', isNew: true, merged: [], indexed: false });
    expect(index.add({ id: 'e2', text: '' }).clusterId).toBe('e2');
    expect(index.add({ id: 'w1', text: 'hola' }).indexed).toBe(false);
    expect(index.add({ id: 'w2', text: 'hola' }).clusterId).toBe('w2');
    expect(index.add({ id: 'bin', text: '\u0000\u0007\uFFFD'.repeat(1000) }).indexed).toBe(false);
    expect(index.add({ id: 'num', text: '3105551234 '.repeat(50) }).indexed).toBe(false);
    const huge = member('es', 1).repeat(500); // ~120,000 characters
    expect(huge.length).toBeGreaterThan(100_000);
    expect(index.add({ id: 'h1', text: huge }).indexed).toBe(true);
    expect(index.add({ id: 'h2', text: huge }).clusterId).toBe('h1');
    expect(index.add({ id: 'bad', text: undefined as unknown as string }).indexed).toBe(false);
    expect(index.indexed).toBe(2);
  });

  it('rejects impossible banding', () => {
    expect(() => new LshIndex({ numPerm: 64, bands: 32, rows: 4 })).toThrow(RangeError);
    expect(() => new LshIndex({ threshold: 0 })).toThrow(RangeError);
  });
});
