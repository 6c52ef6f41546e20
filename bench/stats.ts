// Statistics benchmarks: tabulation, small-cell suppression (with its exposure audit) and DP noise on
// invented rows. `run()` prints figures; bounded to a few seconds. No assertions on time here.
import { performance } from 'node:perf_hooks';
import { AGE_BAND_IDS, dimension, dpCounts, mulberry32, suppressSmallCells, tabulate, type StatsRow } from '../packages/core/src/stats/index.js';

function time<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

/** Rows with a skewed country distribution, so many country × age cells are small. */
function rows(n: number, countries: readonly string[], seed: number): StatsRow[] {
  const rng = mulberry32(seed);
  const sexes = ['Feminine', 'Masculine', 'TransgenderFeminine'];
  return Array.from({ length: n }, () => ({
    sex: sexes[Math.floor(rng() ** 2 * sexes.length)] ?? null,
    ageBand: AGE_BAND_IDS[Math.floor(rng() * AGE_BAND_IDS.length)] ?? null,
    country: countries[Math.floor(rng() ** 3 * countries.length)] ?? null,
  }));
}

export async function run(): Promise<void> {
  const countries = Array.from({ length: 60 }, (_, i) => `C${String(i).padStart(2, '0')}`);
  const sex = dimension('sex', ['Feminine', 'Masculine', 'TransgenderFeminine']);
  const age = dimension('ageBand', AGE_BAND_IDS);
  const country = dimension('country', countries);
  const data = rows(200_000, countries, 1);

  const tab2 = time(() => tabulate(data, [sex, age]));
  const tab3 = time(() => tabulate(data, [sex, age, country]));
  console.log(`tabulate 200k rows: sex × age ${tab2.ms.toFixed(1)} ms; sex × age × country (${tab3.result.counts.length} entries) ${tab3.ms.toFixed(1)} ms`);

  for (const n of [2_000, 20_000]) {
    const t = tabulate(rows(n, countries, 2), [country, age]);
    const s = time(() => suppressSmallCells(t));
    console.log(
      `suppress country × age from ${n} rows (${t.counts.length} entries): ${s.ms.toFixed(1)} ms, ` +
        `${s.result.primary} primary + ${s.result.secondary} secondary suppressed`,
    );
  }
  const t3 = tabulate(rows(5_000, countries.slice(0, 15), 3), [sex, age, dimension('country', countries.slice(0, 15))]);
  const s3 = time(() => suppressSmallCells(t3));
  console.log(`suppress sex × age × country (15) from 5k rows (${t3.counts.length} entries): ${s3.ms.toFixed(1)} ms, ${s3.result.primary} + ${s3.result.secondary} suppressed`);

  const rng = mulberry32(4);
  const dp = time(() => dpCounts(tab3.result, { epsilon: 1, rng }));
  const dpLaplace = time(() => dpCounts(tab3.result, { epsilon: 1, rng, mechanism: 'laplace' }));
  console.log(`DP counts over ${tab3.result.counts.length} entries: geometric ${dp.ms.toFixed(1)} ms, Laplace ${dpLaplace.ms.toFixed(1)} ms (ratio ${(dp.ms / dpLaplace.ms).toFixed(2)})`);
}
