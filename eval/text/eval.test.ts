// Validates the invented evaluation set and checks the metric helpers on small hand-computed examples.
import { describe, expect, it } from 'vitest';
import { calibrationReport, rocAuc } from '../../packages/core/src/risk/index.js';
import { parseCsv } from './csv.js';
import { CATALOG_IDS, ENTITY_TYPES, loadAds, validateAd } from './dataset.js';
import { generate } from './generate.js';
import { PerClass, binaryAgreement, matchMultiset, prf } from './metrics.js';

const ads = loadAds();

describe('eval/text dataset', () => {
  it('has at least 300 ads, at least 80 per language and 60 hand-written', () => {
    expect(ads.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['es', 'en', 'pt'] as const) expect(ads.filter((a) => a.lang === lang).length).toBeGreaterThanOrEqual(80);
    expect(ads.filter((a) => a.origin === 'hand').length).toBeGreaterThanOrEqual(60);
  });

  it('every ad passes the schema, with unique ids', () => {
    const errors = ads.flatMap(validateAd);
    expect(errors).toEqual([]);
    expect(new Set(ads.map((a) => a.id)).size).toBe(ads.length);
  });

  it('every labelled entity span holds its value in the text', () => {
    for (const ad of ads) {
      for (const e of ad.entities) {
        expect(ENTITY_TYPES).toContain(e.type);
        expect(ad.text.slice(e.start, e.end), `${ad.id} ${e.type}`).toBe(e.value);
      }
    }
  });

  it('every labelled indicator id exists in the catalog', () => {
    for (const ad of ads) for (const id of ad.indicators) expect(CATALOG_IDS.has(id), `${ad.id}: ${id}`).toBe(true);
  });

  it('has both weak-label classes and every ad family in every language', () => {
    for (const lang of ['es', 'en', 'pt'] as const) {
      const mine = ads.filter((a) => a.lang === lang);
      expect(new Set(mine.map((a) => a.suspicious))).toEqual(new Set([0, 1]));
      expect(new Set(mine.map((a) => a.kind)).size).toBe(7);
    }
  });

  it('is exactly what generate.ts writes (no hand edits drift from the generator)', () => {
    const fresh = generate();
    expect(fresh.map((a) => JSON.stringify(a))).toEqual(ads.map((a) => JSON.stringify(a)));
  });
});

describe('eval/text metrics', () => {
  it('prf on hand-computed counts', () => {
    // tp 3, fp 1, fn 2 → P 0.75, R 0.6, F1 2·0.45/1.35 = 0.6667
    const r = prf({ tp: 3, fp: 1, fn: 2 });
    expect(r.precision).toBeCloseTo(0.75, 10);
    expect(r.recall).toBeCloseTo(0.6, 10);
    expect(r.f1).toBeCloseTo(2 / 3, 10);
    expect(r.support).toBe(5);
    expect(prf({ tp: 0, fp: 0, fn: 2 }).precision).toBeNull();
    expect(prf({ tp: 0, fp: 2, fn: 0 }).recall).toBeNull();
    expect(prf({ tp: 0, fp: 1, fn: 1 }).f1).toBe(0);
  });

  it('multiset matching counts repeated values once per occurrence', () => {
    const m = matchMultiset(['+1', '+1', '+2'], ['+1', '+3']);
    expect(m).toMatchObject({ tp: 1, fp: 1, fn: 2 });
    expect(m.missed.sort()).toEqual(['+1', '+2']);
    expect(m.spurious).toEqual(['+3']);
  });

  it('per-class sets, micro and macro averages on a tiny example', () => {
    // doc 1: gold {a, b}, predicted {a, c};  doc 2: gold {b}, predicted {b}
    // a: tp1;  b: tp1 fn1;  c: fp1  → micro P 2/3, R 2/3;  macro over a, b: P (1+1)/2 = 1, R (1+0.5)/2 = 0.75
    const t = new PerClass();
    t.addSets(['a', 'b'], ['a', 'c']);
    t.addSets(['b'], ['b']);
    expect(t.get('a')).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(t.get('b')).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(t.get('c')).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    const micro = t.micro();
    expect(micro.precision).toBeCloseTo(2 / 3, 10);
    expect(micro.recall).toBeCloseTo(2 / 3, 10);
    const macro = t.macro();
    expect(macro.classes).toBe(2);
    expect(macro.precision).toBeCloseTo(1, 10);
    expect(macro.recall).toBeCloseTo(0.75, 10);
    expect(macro.f1).toBeCloseTo((1 + 2 / 3) / 2, 10);
  });

  it('binary agreement against a flag', () => {
    const a = binaryAgreement([true, true, false, false], [true, false, true, false]);
    expect(a).toMatchObject({ tp: 1, fp: 1, fn: 1, n: 4 });
    expect(a.agreement).toBe(0.5);
  });

  it('ROC AUC and precision@k on a hand-computed ranking', () => {
    // scores 0.9(1) 0.8(0) 0.7(1) 0.1(0): pairs (pos>neg) = 0.9>0.8, 0.9>0.1, 0.7>0.1 = 3 of 4 → 0.75
    const s = [0.9, 0.8, 0.7, 0.1];
    const y = [1, 0, 1, 0];
    expect(rocAuc(s, y)).toBeCloseTo(0.75, 10);
    const rep = calibrationReport(s, y, { k: [1, 2, 3] });
    expect(rep.precisionAtK).toEqual([
      { k: 1, precision: 1 },
      { k: 2, precision: 0.5 },
      { k: 3, precision: 2 / 3 },
    ]);
    // Ties count one half: one positive and one negative at the same score → 0.5.
    expect(rocAuc([0.5, 0.5], [1, 0])).toBe(0.5);
  });

  it('CSV parser handles ;-separated quoted fields with separators, quotes and newlines', () => {
    const csv = '\uFEFF;TEXT;LABEL\r\n0;"a; b ""q""\nline";1.0\n1;plain;0.0\n\n2;"bad"x;1\n3;"open';
    const r = parseCsv(csv, ';');
    expect(r.header).toEqual(['', 'TEXT', 'LABEL']);
    expect(r.rows).toEqual([
      ['0', 'a; b "q"\nline', '1.0'],
      ['1', 'plain', '0.0'],
    ]);
    expect(r.malformed).toEqual([6, 7]);
  });
});
