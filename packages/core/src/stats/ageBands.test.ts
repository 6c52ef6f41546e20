import { describe, expect, it } from 'vitest';
import { ageBand, ageBandOn, AGE_BAND_IDS } from './ageBands.js';

describe('CTDC age bands', () => {
  it.each([
    [0, '0-8'],
    [8, '0-8'],
    [8.99, '0-8'],
    [9, '9-17'],
    [17, '9-17'],
    [18, '18-20'],
    [20, '18-20'],
    [21, '21-23'],
    [23, '21-23'],
    [24, '24-26'],
    [26, '24-26'],
    [27, '27-29'],
    [29, '27-29'],
    [30, '30-38'],
    [38, '30-38'],
    [39, '39-47'],
    [47, '39-47'],
    [48, '48+'],
    [103, '48+'],
  ])('age %s is in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
  it.each([[-1], [-99], [Number.NaN], [Number.POSITIVE_INFINITY], [null], [undefined]])('%s is unknown', (age) => {
    expect(ageBand(age)).toBe('unknown');
  });
  it('lists the bands in order with unknown last', () => {
    expect(AGE_BAND_IDS).toEqual(['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+', 'unknown']);
  });
  it('computes the band from a birth date on a reference day, changing on the birthday', () => {
    expect(ageBandOn('2008-03-15', '2026-03-14')).toBe('9-17');
    expect(ageBandOn('2008-03-15', '2026-03-15')).toBe('18-20');
    expect(ageBandOn('2008-03-15', new Date('2026-03-15T23:59:59Z'))).toBe('18-20');
    expect(ageBandOn('2008-03-15', '2026-03-15T00:00:00Z')).toBe('18-20');
    expect(ageBandOn('1978-01-01', '2026-01-01')).toBe('48+');
    expect(ageBandOn('1978-01-02', '2026-01-01')).toBe('39-47');
  });
  it('counts a 29 February birthday from 1 March in common years', () => {
    expect(ageBandOn('2008-02-29', '2026-02-28')).toBe('9-17');
    expect(ageBandOn('2008-02-29', '2026-03-01')).toBe('18-20');
  });
  it('uses partial birth dates only when every possible age falls in one band', () => {
    expect(ageBandOn('2000', '2026-06-01')).toBe('24-26'); // 25 or 26
    expect(ageBandOn('2008', '2026-06-01')).toBe('unknown'); // 17 or 18
    expect(ageBandOn('2008-01', '2026-06-01')).toBe('18-20');
  });
  it('is unknown without a usable birth date or when born after the reference day', () => {
    expect(ageBandOn(undefined, '2026-01-01')).toBe('unknown');
    expect(ageBandOn('2026-02-30', '2026-03-01')).toBe('unknown');
    expect(ageBandOn('2027-01-01', '2026-03-01')).toBe('unknown');
    expect(ageBandOn('2000-01-01', 'not a date')).toBe('unknown');
  });
});
