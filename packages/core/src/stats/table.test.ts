import { describe, expect, it } from 'vitest';
import { countAt, dimension, keyOf, observedDimension, tabulate, TOTAL } from './table.js';

const sex = dimension('sex', ['Feminine', 'Masculine']);
const forms = dimension('exploitation', ['ForcedLabour', 'SexualExploitation', 'Other']);

describe('tabulate', () => {
  it('counts rows, sends missing and unexpected values to unknown, and fills additive margins', () => {
    const rows = [{ sex: 'Feminine' }, { sex: 'Feminine' }, { sex: 'Masculine' }, { sex: null }, { sex: 'Alien' }];
    const t = tabulate(rows, [sex]);
    expect(t.dimensions[0]?.categories).toEqual(['Feminine', 'Masculine', 'unknown']);
    expect(t.counts).toEqual([2, 1, 2, 5]);
    expect(keyOf(t, 3)).toEqual([TOTAL]);
  });
  it('cross-tabulates with totals of totals', () => {
    const rows = [
      { sex: 'Feminine', exploitation: ['SexualExploitation'] },
      { sex: 'Feminine', exploitation: ['ForcedLabour'] },
      { sex: 'Masculine', exploitation: ['ForcedLabour'] },
    ];
    const t = tabulate(rows, [sex, forms], { multiValued: ['exploitation'] });
    expect(countAt(t, ['Feminine', 'SexualExploitation'])).toBe(1);
    expect(countAt(t, ['Feminine', TOTAL])).toBe(2);
    expect(countAt(t, [TOTAL, 'ForcedLabour'])).toBe(2);
    expect(countAt(t, [TOTAL, TOTAL])).toBe(3);
  });
  it('counts a multiselect value once per value, and records how many cells one record may touch', () => {
    const rows = [{ sex: 'Feminine', exploitation: ['ForcedLabour', 'SexualExploitation', 'ForcedLabour'] }, { sex: 'Masculine', exploitation: [] }];
    const t = tabulate(rows, [sex, forms], { multiValued: ['exploitation'] });
    expect(countAt(t, ['Feminine', 'ForcedLabour'])).toBe(1);
    expect(countAt(t, ['Feminine', 'SexualExploitation'])).toBe(1);
    expect(countAt(t, ['Masculine', 'unknown'])).toBe(1);
    expect(countAt(t, [TOTAL, TOTAL])).toBe(3); // mentions, not people
    expect(t.maxCellsPerRecord).toBe(4); // 3 forms + unknown
    const capped = tabulate(rows, [sex, forms], { multiValued: ['exploitation'], maxValuesPerRecord: { exploitation: 1 } });
    expect(capped.maxCellsPerRecord).toBe(1);
    expect(countAt(capped, ['Feminine', 'SexualExploitation'])).toBe(0); // kept the first in category order
  });
  it('refuses lists in single-valued dimensions and reserved names', () => {
    expect(() => tabulate([{ sex: ['Feminine', 'Masculine'] }], [sex])).toThrow(/single-valued/);
    expect(() => dimension('x', ['total'])).toThrow(/reserved/);
    expect(() => tabulate([], [])).toThrow();
  });
  it('builds observed dimensions, marked as such', () => {
    const d = observedDimension('country', [{ country: 'MX' }, { country: ['ES', 'MX'] }]);
    expect(d).toEqual({ name: 'country', categories: ['ES', 'MX', 'unknown'], observed: true });
  });
});
