/** Nearest-rank percentile (p in 0..100) of unsorted values; null for none. Median is p = 50. */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export interface DurationSummary {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export function summarizeDurations(values: readonly number[]): DurationSummary {
  return { count: values.length, medianMs: nearestRankPercentile(values, 50), p90Ms: nearestRankPercentile(values, 90) };
}
