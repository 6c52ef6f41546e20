// Differentially private counts. Each cell of a table gets independent noise calibrated to ε and to the
// table's L1 sensitivity Δ (the most cells one person can change). Two mechanisms:
// - Laplace: continuous noise with scale b = Δ/ε (variance 2b²), then rounded;
// - two-sided geometric ("discrete Laplace"): integer noise with P(k) ∝ α^|k|, α = exp(−ε/Δ)
//   (variance 2α/(1−α)²). It is the default: counts stay integers and there is no rounding step to get wrong.
// Post-processing (cannot weaken the guarantee): round to an integer, clamp at 0, and compute margins as sums of
// the released cells so the table adds up. Clamping makes small cells biased upwards; that is documented.
import type { Rng } from './rng.js';
import { fillMargins, isMargin, strides, type CountTable, type Dimension } from './table.js';

export type DpMechanism = 'laplace' | 'geometric';

/** A Laplace(0, scale) draw by inverse transform. */
export function laplaceNoise(scale: number, rng: Rng): number {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`Laplace scale must be positive, not ${scale}`);
  for (;;) {
    const u = rng() - 0.5; // in [−0.5, 0.5)
    const m = 1 - 2 * Math.abs(u);
    if (m > 0) return -scale * Math.sign(u) * Math.log(m); // m = 0 only at u = −0.5: draw again
  }
}

/** A two-sided geometric draw with P(k) ∝ alpha^|k|, as the difference of two geometric variables. */
export function twoSidedGeometricNoise(alpha: number, rng: Rng): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), not ${alpha}`);
  const logAlpha = Math.log(alpha);
  const geometric = () => Math.floor(Math.log(1 - rng()) / logAlpha); // 1 − rng() is in (0, 1]
  return geometric() - geometric();
}

/** Variance of the noise each cell gets. */
export function dpNoiseVariance(mechanism: DpMechanism, epsilon: number, sensitivity: number): number {
  if (mechanism === 'laplace') return 2 * (sensitivity / epsilon) ** 2;
  const alpha = Math.exp(-epsilon / sensitivity);
  return (2 * alpha) / (1 - alpha) ** 2;
}

export interface DpOptions {
  /** Privacy loss ε for the whole table (> 0). Smaller is more private and noisier. */
  readonly epsilon: number;
  readonly mechanism?: DpMechanism;
  /** Uniform source; seeded only in tests (see mulberry32), a CSPRNG in production. */
  readonly rng: Rng;
  /** Defaults to table.maxCellsPerRecord; may only be raised (a lower value would understate the noise needed). */
  readonly sensitivity?: number;
}

export interface NoisyTable {
  readonly dimensions: readonly Dimension[];
  readonly shape: readonly number[];
  /** Released values over the extended grid: noisy cells, margins as sums of the released cells. */
  readonly values: readonly number[];
  readonly mechanism: DpMechanism;
  readonly epsilon: number;
  readonly sensitivity: number;
  /** Laplace scale Δ/ε, or the geometric α = exp(−ε/Δ). */
  readonly scale: number;
  readonly noiseVariance: number;
}

/** Adds noise to every cell (zeros included: skipping them would reveal which cells are empty). */
export function dpCounts(table: CountTable, options: DpOptions): NoisyTable {
  const { epsilon, rng } = options;
  const mechanism = options.mechanism ?? 'geometric';
  if (!(epsilon > 0) || !Number.isFinite(epsilon)) throw new RangeError(`epsilon must be a positive number, not ${epsilon}`);
  const sensitivity = options.sensitivity ?? table.maxCellsPerRecord;
  if (!Number.isInteger(sensitivity) || sensitivity < table.maxCellsPerRecord) {
    throw new RangeError(`sensitivity must be a whole number ≥ ${table.maxCellsPerRecord} (the most cells one record can change)`);
  }
  const observed = table.dimensions.filter((d) => d.observed).map((d) => d.name);
  if (observed.length > 0) throw new RangeError(`dimensions ${observed.join(', ')} take their categories from the data; declare them for DP`);
  const stride = strides(table.shape);
  const scale = mechanism === 'laplace' ? sensitivity / epsilon : Math.exp(-epsilon / sensitivity);
  const values = table.counts.map((c, p) => {
    if (isMargin(table.shape, stride, p)) return 0; // filled below from the released cells
    const noisy = c + (mechanism === 'laplace' ? laplaceNoise(scale, rng) : twoSidedGeometricNoise(scale, rng));
    return Math.max(0, Math.round(noisy));
  });
  fillMargins(values, table.shape, stride);
  return { dimensions: table.dimensions, shape: table.shape, values, mechanism, epsilon, sensitivity, scale, noiseVariance: dpNoiseVariance(mechanism, epsilon, sensitivity) };
}
