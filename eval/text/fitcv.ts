// Cross-validated fit of the risk weights on our invented set (the "fitted on our set" section of run.ts):
// k folds by a hash of the ad id, features from core's own scoring path, fitLogistic + configFromFit on the other
// folds, and every ad scored once, out of fold, with both the priors and the fitted config. Deterministic.
import { createHash } from 'node:crypto';
import type { CountryCode } from '../../packages/core/src/entities/index.js';
import {
  calibrationReport,
  configFromFit,
  featureVector,
  fitLogistic,
  RISK_FEATURE_IDS,
  score,
  type CalibrationReport,
} from '../../packages/core/src/risk/index.js';
import type { Ad } from './dataset.js';

/** Fold of an ad: the first 4 bytes of SHA-256 of its id, mod k. */
export function foldOf(id: string, k: number): number {
  return createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) % k;
}

export interface CrossValidation {
  folds: number;
  l2: number;
  /** Per fold: held-out size, positives, prior and fitted ROC AUC. */
  perFold: Array<{ fold: number; n: number; positives: number; priorAuc: number | null; fittedAuc: number | null }>;
  /** Out-of-fold scores of every ad, pooled. */
  prior: CalibrationReport;
  fitted: CalibrationReport;
}

export function crossValidateFit(ads: readonly Ad[], options: { folds?: number; l2?: number; k?: readonly number[] } = {}): CrossValidation {
  const k = options.folds ?? 5;
  const l2 = options.l2 ?? 1;
  const rows = ads.map((ad) => {
    const opts = { defaultRegion: ad.region as CountryCode };
    const r = score(ad.text, opts);
    return { ad, opts, x: featureVector({ indicators: r.indicators, entities: r.entities }), prior: r.score, fitted: Number.NaN, fold: foldOf(ad.id, k) };
  });
  const perFold: CrossValidation['perFold'] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.filter((r) => r.fold !== f);
    const test = rows.filter((r) => r.fold === f);
    if (test.length === 0) continue;
    // Only features seen in training are fitted; the rest keep their priors (as `centinela risk fit` does).
    const used = RISK_FEATURE_IDS.map((id, j) => ({ id, j })).filter((c) => train.some((r) => (r.x[c.j] ?? 0) !== 0));
    const fit = fitLogistic(
      train.map((r) => used.map((c) => r.x[c.j] ?? 0)),
      train.map((r) => r.ad.suspicious),
      { l2 },
    );
    const config = configFromFit(fit, used.map((c) => c.id), { version: `eval-cv-fold-${f}` });
    for (const r of test) r.fitted = score(r.ad.text, { ...r.opts, config }).score;
    const y = test.map((r) => r.ad.suspicious);
    perFold.push({
      fold: f,
      n: test.length,
      positives: y.reduce<number>((a, b) => a + b, 0),
      priorAuc: calibrationReport(test.map((r) => r.prior), y).auc,
      fittedAuc: calibrationReport(test.map((r) => r.fitted), y).auc,
    });
  }
  const labels = rows.map((r) => r.ad.suspicious);
  const reportOptions = options.k !== undefined ? { k: options.k } : {};
  return {
    folds: k,
    l2,
    perFold,
    prior: calibrationReport(rows.map((r) => r.prior), labels, reportOptions),
    fitted: calibrationReport(rows.map((r) => r.fitted), labels, reportOptions),
  };
}
