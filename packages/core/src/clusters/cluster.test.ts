import { describe, expect, it } from 'vitest';
import { clusterAds } from './cluster.js';
import { familyAds, FAMILIES, member, UNRELATED } from './families.test.js';
import { clusterLines, clusterSummary, renderTemplate } from './report.js';
import type { Ad } from './types.js';

const corpus: Ad[] = [
  ...familyAds('es', 10),
  ...UNRELATED.map((text, i) => ({ id: `u-${i}`, text })),
  ...familyAds('en', 8),
  ...familyAds('pt', 7),
];

describe('clusterAds', () => {
  it('groups templated families (es/en/pt), recovers their templates and leaves unrelated ads out', () => {
    const r = clusterAds(corpus);
    expect(r.clusters.map((c) => c.id)).toEqual(['es-0', 'en-0', 'pt-0']);
    expect(r.clusters.map((c) => c.members.length)).toEqual([10, 8, 7]);
    for (let i = 0; i < UNRELATED.length; i++) expect(r.assignments.get(`u-${i}`)).toBeNull();
    expect(r.assignments.get('pt-6')).toBe('pt-0');
    const en = r.clusters[1];
    expect(renderTemplate(en?.template ?? [])).toBe(
      // en-3 and en-7 carry an inserted "muy": an optional slot 1.
      'Hello gentlemen, {{1}} my name is {{2}}, a classy and upbeat companion, {{3}} years young. Visiting {{4}} this week only, incall in a quiet and private suite downtown. Donation ${{5}} per hour, no rush and no games. Text me at +57 310 555 {{6}} to book ahead please.',
    );
    expect(en?.fits).toHaveLength(8);
    expect(en?.quality.ratio).toBeLessThan(0.5);
    en?.fits.forEach((f, k) => {
      const text = (corpus.find((a) => a.id === en.members[k])?.text ?? '') as string;
      for (const s of f.fills) expect(text.slice(s.start, s.end)).toBe(s.text);
    });
  });

  it('merges near-duplicates and reordered long ads, not unrelated ones', () => {
    const base = `${FAMILIES.es} ${FAMILIES.es2}`.replace(/\{[nacpt]\}/g, 'X');
    const sentences = base.split('. ');
    const reordered = [...sentences.slice(3), ...sentences.slice(0, 3)].join('. ');
    const ads: Ad[] = [
      { id: 'a', text: base },
      { id: 'b', text: base.replace('caballeros', 'amigos') },
      { id: 'c', text: reordered },
      { id: 'd', text: UNRELATED[1] as string },
      { id: 'e', text: `${UNRELATED[1] as string} Call 555 0199.`.replace('university', 'hospital') },
    ];
    const r = clusterAds(ads);
    expect(r.assignments.get('b')).toBe('a');
    expect(r.assignments.get('c')).toBe('a');
    expect(r.assignments.get('e')).toBe('d'); // near-duplicate of a (short) unrelated ad
  });

  it('is deterministic for the same input, order and seed', () => {
    const a = clusterAds(corpus, { seed: 5 });
    const b = clusterAds(corpus, { seed: 5 });
    expect(JSON.stringify(a.clusters)).toBe(JSON.stringify(b.clusters));
    expect([...a.assignments]).toEqual([...b.assignments]);
  });

  it('can skip the fine stage and report singletons as their own clusters', () => {
    const coarse = clusterAds(corpus, { fine: false });
    expect(coarse.clusters.map((c) => c.members.length)).toEqual([10, 8, 7]);
    expect(coarse.clusters[0]?.template).toEqual([]);
    const all = clusterAds(corpus, { minClusterSize: 1 });
    expect(all.clusters).toHaveLength(3 + UNRELATED.length);
    expect(all.assignments.get('u-2')).toBe('u-2');
  });

  it('prints one CLI line per ad and a summary', () => {
    const r = clusterAds(corpus);
    const lines = clusterLines(r);
    expect(lines).toHaveLength(corpus.length);
    expect(lines[0]).toEqual({ id: 'es-0', cluster: 'es-0', template: renderTemplate(r.clusters[0]?.template ?? []) });
    expect(lines.find((l) => l.id === 'u-0')).toEqual({ id: 'u-0', cluster: null, template: null });
    const s = clusterSummary(r);
    expect(s).toMatchObject({ ads: 30, clusters: 3, clusteredAds: 25, unclusteredAds: 5, largestCluster: 10, splitCoarseClusters: 0 });
    expect(s.sizeHistogram['6-20']).toBe(3);
    expect(JSON.parse(JSON.stringify(lines))).toEqual(lines);
  });

  it('handles empty input, bad texts and duplicate ids', () => {
    expect(clusterAds([])).toEqual({ clusters: [], assignments: new Map() });
    const r = clusterAds([
      { id: 'x', text: '' },
      { id: 'y', text: '\u0000\uFFFD' },
      { id: 'x', text: member('es', 1) },
      { id: 'z', text: null as unknown as string },
    ]);
    expect([...r.assignments]).toEqual([
      ['x', null],
      ['y', null],
      ['z', null],
    ]);
  });

  it('keeps a million-copy style flood bounded (20,000 copies of one ad)', () => {
    const text = member('es', 2);
    const ads = Array.from({ length: 20_000 }, (_, i) => ({ id: `c${i}`, text }));
    const r = clusterAds(ads);
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]?.members).toHaveLength(20_000);
    expect(r.clusters[0]?.template).toEqual([{ kind: 'text', text }]);
  });
});
