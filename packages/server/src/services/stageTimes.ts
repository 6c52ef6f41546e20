import { performance } from 'node:perf_hooks';

/**
 * Wall time spent per pipeline stage in this process (crawl fetch, WARC seal, analysis, network update, …), for
 * `npm run bench` and profiling. A fixed set of names, so the map stays small however long the process runs.
 */
const totals = new Map<string, { ms: number; count: number }>();

export async function timed<T>(stage: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    addStageTime(stage, performance.now() - t0);
  }
}

export function addStageTime(stage: string, ms: number): void {
  const t = totals.get(stage);
  if (t) {
    t.ms += ms;
    t.count++;
  } else totals.set(stage, { ms, count: 1 });
}

/** The totals so far, and (with `reset`) a fresh start. */
export function stageTimes(reset = false): Array<{ stage: string; ms: number; count: number }> {
  const out = [...totals].map(([stage, t]) => ({ stage, ms: t.ms, count: t.count }));
  if (reset) totals.clear();
  return out;
}
