/**
 * How well scores rank and how well they are calibrated against labels: ROC AUC (ties counted as half), precision
 * at k, Brier score, log loss and reliability bins with the expected calibration error.
 */

export interface ReliabilityBin {
  /** Score range [lower, upper) (the last bin includes 1). */
  lower: number;
  upper: number;
  count: number;
  /** Mean score in the bin (null when empty). */
  meanScore: number | null;
  /** Share of positives in the bin (null when empty). */
  positiveRate: number | null;
}

export interface CalibrationReport {
  n: number;
  positives: number;
  /** Probability that a random positive scores above a random negative; null without both classes. */
  auc: number | null;
  precisionAtK: Array<{ k: number; precision: number }>;
  brier: number;
  logLoss: number;
  bins: ReliabilityBin[];
  /** Σ (count/n)·|meanScore − positiveRate| over the bins. */
  expectedCalibrationError: number;
}

export interface CalibrationOptions {
  /** Number of equal-width reliability bins. Default 10. */
  bins?: number;
  /** Cut-offs for precision at k. Default [10, 50, 100]; k larger than n uses n. */
  k?: readonly number[];
}

export function calibrationReport(
  scores: readonly number[],
  labels: readonly number[],
  options: CalibrationOptions = {},
): CalibrationReport {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError(`calibrationReport: ${n} scores but ${labels.length} labels`);
  scores.forEach((s, i) => {
    if (!(s >= 0 && s <= 1)) throw new RangeError(`calibrationReport: score ${i} is not in [0, 1]`);
  });
  labels.forEach((y, i) => {
    if (y !== 0 && y !== 1) throw new RangeError(`calibrationReport: label ${i} is not 0 or 1`);
  });
  const positives = labels.reduce((a, y) => a + y, 0);

  // Highest score first; equal scores keep input order so precision@k is deterministic.
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const precisionAtK = (options.k ?? [10, 50, 100]).map((k) => {
    const m = Math.min(Math.max(1, Math.floor(k)), n);
    let hits = 0;
    for (let r = 0; r < m; r++) hits += labels[order[r] ?? 0] ?? 0;
    return { k: m, precision: m === 0 ? 0 : hits / m };
  });

  let brier = 0;
  let logLoss = 0;
  const eps = 1e-15;
  for (let i = 0; i < n; i++) {
    const s = scores[i] ?? 0;
    const y = labels[i] ?? 0;
    brier += (s - y) ** 2;
    const c = Math.min(1 - eps, Math.max(eps, s));
    logLoss -= y * Math.log(c) + (1 - y) * Math.log(1 - c);
  }

  const binCount = Math.max(1, Math.floor(options.bins ?? 10));
  const sums = Array.from({ length: binCount }, () => ({ count: 0, score: 0, pos: 0 }));
  for (let i = 0; i < n; i++) {
    const s = scores[i] ?? 0;
    const b = sums[Math.min(binCount - 1, Math.floor(s * binCount))];
    if (b === undefined) continue;
    b.count++;
    b.score += s;
    b.pos += labels[i] ?? 0;
  }
  let ece = 0;
  const bins: ReliabilityBin[] = sums.map((b, k) => {
    const meanScore = b.count > 0 ? b.score / b.count : null;
    const positiveRate = b.count > 0 ? b.pos / b.count : null;
    if (meanScore !== null && positiveRate !== null) ece += (b.count / n) * Math.abs(meanScore - positiveRate);
    return { lower: k / binCount, upper: (k + 1) / binCount, count: b.count, meanScore, positiveRate };
  });

  return {
    n,
    positives,
    auc: rocAuc(scores, labels),
    precisionAtK,
    brier: n > 0 ? brier / n : 0,
    logLoss: n > 0 ? logLoss / n : 0,
    bins,
    expectedCalibrationError: ece,
  };
}

/** ROC AUC by the rank-sum (Mann–Whitney) statistic with average ranks for ties. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number | null {
  const n = scores.length;
  const pos = labels.reduce((a, y) => a + (y === 1 ? 1 : 0), 0);
  const neg = n - pos;
  if (pos === 0 || neg === 0) return null;
  const order = scores.map((_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let rankSumPos = 0;
  for (let r = 0; r < n; ) {
    let end = r;
    while (end + 1 < n && scores[order[end + 1] ?? 0] === scores[order[r] ?? 0]) end++;
    const avgRank = (r + end) / 2 + 1; // ranks are 1-based
    for (let k = r; k <= end; k++) if (labels[order[k] ?? 0] === 1) rankSumPos += avgRank;
    r = end + 1;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}
