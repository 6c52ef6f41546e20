import { describe, expect, it } from 'vitest';
import { fitLogistic } from './fit.js';

/** Synthetic data from known weights: labels drawn from the logistic model with a seeded generator. */
function synthetic(n: number, weights: number[], bias: number, seed: number): { X: number[][]; y: number[] } {
  let s = seed;
  const rnd = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    // Mix binary (indicator-like) and continuous (log-count-like) features.
    const row = weights.map((_, j) => (j % 2 === 0 ? (rnd() < 0.3 ? 1 : 0) : rnd() * 3));
    const z = bias + row.reduce((a, x, j) => a + x * (weights[j] ?? 0), 0);
    X.push(row);
    y.push(rnd() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
  }
  return { X, y };
}

describe('fitLogistic', () => {
  it('recovers known weights on synthetic data', () => {
    const truth = [2, -1, 0.5, 1.5, 0];
    const { X, y } = synthetic(20_000, truth, -1, 7);
    const fit = fitLogistic(X, y, { l2: 0.01 });
    expect(fit.converged).toBe(true);
    expect(fit.bias).toBeCloseTo(-1, 0);
    fit.weights.forEach((w, j) => expect(Math.abs(w - (truth[j] ?? 0)), `w${j}=${w}`).toBeLessThan(0.15));
  });

  it('is deterministic', () => {
    const { X, y } = synthetic(2000, [1, 1], 0, 3);
    expect(fitLogistic(X, y)).toEqual(fitLogistic(X, y));
  });

  it('stays finite on perfectly separable data thanks to L2', () => {
    const X = [[0], [0], [1], [1]];
    const fit = fitLogistic(X, [0, 0, 1, 1], { l2: 1 });
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(fit.weights[0]).toBeGreaterThan(0);
  });

  it('shrinks weights as l2 grows', () => {
    const { X, y } = synthetic(3000, [2, 2], -1, 11);
    const small = fitLogistic(X, y, { l2: 0.01 });
    const large = fitLogistic(X, y, { l2: 1000 });
    expect(Math.abs(large.weights[0] ?? 0)).toBeLessThan(Math.abs(small.weights[0] ?? 0));
  });

  it('rejects bad input', () => {
    expect(() => fitLogistic([], [])).toThrow(RangeError);
    expect(() => fitLogistic([[1]], [1, 0])).toThrow(/labels/);
    expect(() => fitLogistic([[1], [1, 2]], [1, 0])).toThrow(/features/);
    expect(() => fitLogistic([[Number.NaN]], [1])).toThrow(/non-finite/);
    expect(() => fitLogistic([[1]], [2])).toThrow(/label/);
  });
});
