// Risk: the explained risk score of an ad, and the tools to fit and check its weights on labelled data.
export {
  riskScore,
  contextFeatures,
  indicatorValue,
  QUOTED_INDICATOR_VALUE,
  DEFAULT_RISK_CONFIG,
  type RiskConfig,
  type RiskInput,
  type RiskResult,
  type BreakdownEntry,
  type EntitySignals,
  type MediaSignals,
  type EntityFeature,
  type MediaFeature,
} from './score.js';
export { score, scoreText, type ScoreOptions, type ScoreResult, type ScoredIndicator } from './analyze.js';
export { fitLogistic, type FitOptions, type LogisticFit } from './fit.js';
export { calibrationReport, rocAuc, type CalibrationReport, type CalibrationOptions, type ReliabilityBin } from './calibration.js';
export { featureVector, configFromFit, RISK_FEATURE_IDS, type ConfigFromFitOptions, type FeatureInput } from './features.js';
export { applyNetworkSignals, NETWORK_FEATURES } from './network.js';
