import { describe, expect, it } from 'vitest';
import { dpCounts, dpNoiseVariance, laplaceNoise, twoSidedGeometricNoise } from './dp.js';
import { mulberry32 } from './rng.js';
import { countAt, dimension, observedDimension, tabulate, TOTAL } from './table.js';

const stats = (xs: readonly number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

describe('noise mechanisms (fixed seed)', () => {
  const draws = 200_000;

  it.each([
    [0.5, 1],
    [1, 1],
    [0.1, 2],
  ])('Laplace noise for ε = %s, Δ = %s has mean ≈ 0 and variance ≈ 2(Δ/ε)²', (epsilon, sensitivity) => {
    const rng = mulberry32(20260315);
    const b = sensitivity / epsilon;
    const { mean, variance } = stats(Array.from({ length: draws }, () => laplaceNoise(b, rng)));
    const expected = 2 * (sensitivity / epsilon) ** 2;
    expect(dpNoiseVariance('laplace', epsilon, sensitivity)).toBeCloseTo(expected, 12);
    // Standard errors: mean √(2b²/n) ≈ 0.003·b; variance ≈ √20·b²/√n ≈ 0.01·b². Tolerances are ~5 standard errors.
    expect(Math.abs(mean)).toBeLessThan(0.02 * b);
    expect(Math.abs(variance / expected - 1)).toBeLessThan(0.05);
  });

  it('Laplace noise has the right spread: P(|X| > b·ln 2) ≈ 1/2', () => {
    const rng = mulberry32(1);
    const b = 3;
    const xs = Array.from({ length: draws }, () => laplaceNoise(b, rng));
    const above = xs.filter((x) => Math.abs(x) > b * Math.LN2).length / draws;
    expect(Math.abs(above - 0.5)).toBeLessThan(0.01);
  });

  it.each([
    [0.5, 1],
    [1, 1],
    [0.25, 3],
  ])('two-sided geometric noise for ε = %s, Δ = %s is integer with mean ≈ 0 and variance 2α/(1−α)²', (epsilon, sensitivity) => {
    const rng = mulberry32(99);
    const alpha = Math.exp(-epsilon / sensitivity);
    const xs = Array.from({ length: draws }, () => twoSidedGeometricNoise(alpha, rng));
    expect(xs.every(Number.isInteger)).toBe(true);
    const { mean, variance } = stats(xs);
    const expected = dpNoiseVariance('geometric', epsilon, sensitivity);
    expect(expected).toBeCloseTo((2 * alpha) / (1 - alpha) ** 2, 12);
    expect(Math.abs(mean)).toBeLessThan(0.03 * Math.sqrt(expected));
    expect(Math.abs(variance / expected - 1)).toBeLessThan(0.05);
    // P(X = 0) = (1 − α)/(1 + α)
    const zeros = xs.filter((x) => x === 0).length / draws;
    expect(Math.abs(zeros - (1 - alpha) / (1 + alpha))).toBeLessThan(0.01);
  });

  it('refuses impossible parameters', () => {
    const rng = mulberry32(1);
    expect(() => laplaceNoise(0, rng)).toThrow(RangeError);
    expect(() => twoSidedGeometricNoise(1, rng)).toThrow(RangeError);
  });

  it('is reproducible with a seed and varies across seeds', () => {
    const run = (seed: number) => {
      const rng = mulberry32(seed);
      return Array.from({ length: 5 }, () => laplaceNoise(1, rng));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });
});

describe('dpCounts', () => {
  const sex = dimension('sex', ['Feminine', 'Masculine']);
  const rows = [...Array(40).fill({ sex: 'Feminine' }), ...Array(25).fill({ sex: 'Masculine' }), { sex: null }];

  it('releases non-negative integers with margins that add up', () => {
    for (const mechanism of ['laplace', 'geometric'] as const) {
      const n = dpCounts(tabulate(rows, [sex]), { epsilon: 0.5, mechanism, rng: mulberry32(3) });
      expect(n.values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      expect(n.values[3]).toBe((n.values[0] ?? 0) + (n.values[1] ?? 0) + (n.values[2] ?? 0));
      expect(n.sensitivity).toBe(1);
    }
  });

  it('is unbiased away from zero on average', () => {
    const t = tabulate(rows, [sex]);
    const rng = mulberry32(11);
    let sum = 0;
    const runs = 4000;
    for (let i = 0; i < runs; i++) sum += dpCounts(t, { epsilon: 1, rng }).values[0] ?? 0;
    expect(Math.abs(sum / runs - 40)).toBeLessThan(0.15);
  });

  it('scales the noise to the cells one record can touch, and refuses to understate it', () => {
    const forms = dimension('f', ['a', 'b', 'c']);
    const t = tabulate([{ f: ['a', 'b'] }], [forms], { multiValued: ['f'] });
    const n = dpCounts(t, { epsilon: 1, mechanism: 'laplace', rng: mulberry32(1) });
    expect(n.sensitivity).toBe(4);
    expect(n.scale).toBe(4);
    expect(() => dpCounts(t, { epsilon: 1, rng: mulberry32(1), sensitivity: 1 })).toThrow(/sensitivity/);
    expect(() => dpCounts(t, { epsilon: 0, rng: mulberry32(1) })).toThrow(/epsilon/);
  });

  it('refuses dimensions whose categories were read off the data', () => {
    const data = [{ c: 'MX' }];
    expect(() => dpCounts(tabulate(data, [observedDimension('c', data)]), { epsilon: 1, rng: mulberry32(1) })).toThrow(/declare/);
  });

  it('noises empty cells too', () => {
    const t = tabulate([], [dimension('c', Array.from({ length: 50 }, (_, i) => `c${i}`))]);
    expect(countAt(t, [TOTAL])).toBe(0);
    const n = dpCounts(t, { epsilon: 0.5, rng: mulberry32(8) });
    expect(n.values.slice(0, 51).some((v) => v > 0)).toBe(true);
  });
});
