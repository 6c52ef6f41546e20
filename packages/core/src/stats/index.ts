// Statistics that identify no one: CTDC age bands, disaggregated counts, small-cell suppression with
// complementary suppression, and differentially private counts. See README.md for the methods.
export { AGE_BANDS, AGE_BAND_IDS, ageBand, ageBandOn, type AgeBand } from './ageBands.js';
export { mulberry32, rngFromUint32, type Rng } from './rng.js';
export {
  TOTAL,
  UNKNOWN,
  dimension,
  observedDimension,
  tabulate,
  countAt,
  keyOf,
  positionOf,
  type Dimension,
  type StatsRow,
  type CountTable,
  type TabulateOptions,
} from './table.js';
export { suppressSmallCells, DEFAULT_K, type SuppressedTable, type SuppressionFlag, type SuppressionOptions } from './suppress.js';
export { dpCounts, laplaceNoise, twoSidedGeometricNoise, dpNoiseVariance, type DpMechanism, type DpOptions, type NoisyTable } from './dp.js';
export {
  publishWithSuppression,
  publishWithDp,
  publishedTableToCsv,
  describePrivacy,
  type PrivacyParameters,
  type PublishedTable,
  type PublishedCell,
} from './publish.js';
export {
  CASE_STATS_DIMENSIONS,
  CASE_MULTI_VALUED,
  caseStatsRow,
  caseDimensions,
  yearRange,
  type CaseStatsDimension,
  type CaseStatsInput,
} from './caseRows.js';
