import { describe, expect, it } from 'vitest';
import { calibrationReport, rocAuc } from './calibration.js';

describe('rocAuc', () => {
  it('matches a hand-computed example with a tie', () => {
    // Positives 0.9, 0.6, 0.4; negatives 0.6, 0.3, 0.1. Pairs (pos > neg): 0.9 beats 3; 0.6 beats 2 and ties 1
    // (counts ½); 0.4 beats 2. Total 7.5 of 9.
    const scores = [0.9, 0.6, 0.4, 0.6, 0.3, 0.1];
    const labels = [1, 1, 1, 0, 0, 0];
    expect(rocAuc(scores, labels)).toBeCloseTo(7.5 / 9, 12);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, null without both classes', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.6], [1, 1])).toBeNull();
  });
});

describe('calibrationReport', () => {
  const scores = [0.95, 0.85, 0.7, 0.65, 0.3, 0.2, 0.15, 0.05];
  const labels = [1, 1, 0, 1, 0, 0, 1, 0];
  const r = calibrationReport(scores, labels, { bins: 2, k: [2, 4, 100] });

  it('computes precision at k (k capped at n)', () => {
    expect(r.precisionAtK).toEqual([
      { k: 2, precision: 1 },
      { k: 4, precision: 0.75 },
      { k: 8, precision: 0.5 },
    ]);
  });

  it('fills reliability bins and the calibration error', () => {
    expect(r.bins).toHaveLength(2);
    expect(r.bins[0]).toMatchObject({ lower: 0, upper: 0.5, count: 4, positiveRate: 0.25 });
    expect(r.bins[1]).toMatchObject({ count: 4, positiveRate: 0.75 });
    expect(r.bins[0]?.meanScore).toBeCloseTo(0.175, 10);
    expect(r.expectedCalibrationError).toBeCloseTo(0.5 * Math.abs(0.175 - 0.25) + 0.5 * Math.abs(0.7875 - 0.75), 10);
  });

  it('reports Brier score, log loss and AUC', () => {
    const brier = scores.reduce((a, s, i) => a + (s - (labels[i] ?? 0)) ** 2, 0) / scores.length;
    expect(r.brier).toBeCloseTo(brier, 12);
    expect(r.logLoss).toBeGreaterThan(0);
    expect(r.auc).toBeCloseTo(12 / 16, 12); // 4 + 4 + 3 + 1 winning pairs of 16
    expect(r.n).toBe(8);
    expect(r.positives).toBe(4);
  });

  it('rejects bad input', () => {
    expect(() => calibrationReport([0.5], [1, 0])).toThrow(RangeError);
    expect(() => calibrationReport([1.5], [1])).toThrow(/score/);
    expect(() => calibrationReport([0.5], [2])).toThrow(/label/);
  });
});
