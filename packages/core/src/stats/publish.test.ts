import { describe, expect, it } from 'vitest';
import { parseCaseRecord } from '../cases/record.js';
import { caseDimensions, caseStatsRow, CASE_MULTI_VALUED, yearRange } from './caseRows.js';
import { describePrivacy, publishedTableToCsv, publishWithDp, publishWithSuppression } from './publish.js';
import { mulberry32 } from './rng.js';
import { dimension, tabulate } from './table.js';

const now = new Date('2026-03-15T00:00:00Z');

// Invented cases only.
function invented(i: number) {
  const r = parseCaseRecord(
    {
      case: { status: 'Active', registeredOn: `202${4 + (i % 2)}-0${1 + (i % 9)}-10` },
      person: { firstName: 'Persona', secondName: `Ejemplo ${i}`, gender: i % 3 === 0 ? 'Masculine' : 'Feminine', birthdate: `${1990 + (i % 20)}-06-01`, citizenship: [i % 2 ? 'MX' : 'GT'] },
      victim: { typeOfExploitation: [i % 4 ? 'SexualExploitation' : 'ForcedLabour'], methodsOfControl: ['DebtBondage'] },
      events: [{ type: 'Exploitation', country: 'ES', date: '2023' }],
    },
    { now },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('case statistics rows', () => {
  it('maps a case to the standard dimensions without identifying fields', () => {
    const row = caseStatsRow(invented(3));
    expect(row).toEqual({
      sex: 'Masculine',
      ageBand: '30-38',
      exploitation: ['SexualExploitation'],
      citizenship: ['MX'],
      countryOfExploitation: ['ES'],
      yearOfRegistration: '2025',
      meansOfControl: ['DebtBondage'],
    });
    expect(JSON.stringify(row)).not.toContain('Persona');
  });
});

describe('published tables', () => {
  const cases = Array.from({ length: 60 }, (_, i) => invented(i));
  const dims = caseDimensions({ citizenship: ['GT', 'MX'], countryOfExploitation: ['ES', 'MX'], yearOfRegistration: yearRange(2024, 2026) });
  const t = tabulate(cases.map(caseStatsRow), [dims.sex, dims.exploitation], { multiValued: CASE_MULTI_VALUED });

  it('carry their k-anonymity parameters and hide small cells', () => {
    const p = publishWithSuppression(t, { title: 'Victims by sex and form of exploitation' });
    expect(p.privacy).toMatchObject({ method: 'k-anonymity', k: 11 });
    expect(p.privacy.suppressed).toBeGreaterThan(0);
    for (const c of p.cells) if (c.value !== null) expect(c.value === 0 || c.value >= 11).toBe(true);
    expect(describePrivacy(p.privacy)).toMatch(/below 11/);
  });

  it('carry their DP parameters', () => {
    const p = publishWithDp(t, { title: 'Victims by sex and form of exploitation', epsilon: 1, rng: mulberry32(42) });
    expect(p.privacy).toEqual({
      method: 'dp-geometric',
      epsilon: 1,
      sensitivity: 12, // one sex × up to 12 forms (11 + unknown): no cap given
      scale: Math.exp(-1 / 12),
      noiseVariance: expect.any(Number),
      suppressed: 0,
      postProcessing: ['round', 'clamp-at-zero', 'margins-from-cells'],
    });
    expect(describePrivacy(p.privacy)).toMatch(/ε = 1/);
  });

  it('export as CSV with the privacy parameters on every row', () => {
    const small = tabulate([{ s: 'a' }, ...Array(12).fill({ s: 'b' })], [dimension('s', ['a', 'b'])]);
    const csv = publishedTableToCsv(publishWithSuppression(small, { title: 'x' }));
    expect(csv).toBe(
      ['s,value,suppressed,privacy_method,k,epsilon,sensitivity', 'a,,true,k-anonymity,11,,', 'b,,true,k-anonymity,11,,', 'unknown,0,false,k-anonymity,11,,', 'total,13,false,k-anonymity,11,,', ''].join('\r\n'),
    );
  });
});
