// Fitting the risk weights on labelled examples (`centinela risk fit`), following packages/core/src/risk/README.md:
// features from core's own scoring path, a deterministic held-out split, fitLogistic, configFromFit, and
// calibration reports of the prior and the fitted configuration on the same held-out examples.
import { createHash } from 'node:crypto';
import {
  calibrationReport,
  configFromFit,
  DEFAULT_RISK_CONFIG,
  featureVector,
  fitLogistic,
  INDICATOR_CATALOG,
  RISK_FEATURE_IDS,
  score,
  type CalibrationReport,
  type CountryCode,
  type RiskConfig,
  type ScoreOptions,
} from '@centinela/core';
import { riskConfigToJson } from '../config/riskConfig.js';

/** Fewest examples, and fewest per class, that a fit accepts: below that the held-out figures mean nothing. */
export const MIN_EXAMPLES = 20;
export const MIN_PER_CLASS = 5;
/** Share of examples held out (by a hash of `group`, else of the text), in percent. */
export const HELD_OUT_PERCENT = 20;
/** Longest text a labelled line may carry (score() cuts at TEXT_MAX_CHARS anyway). */
const MAX_LINE_CHARS = 1_000_000;

const LANGUAGES = ['es', 'en', 'pt'] as const;

/** One labelled line: `{text, label: 0|1, language?, region?, group?}`. */
export interface LabelledExample {
  text: string;
  label: 0 | 1;
  language?: (typeof LANGUAGES)[number];
  region?: string;
  /** Split key (e.g. site or source): examples of one group land on the same side of the split. */
  group?: string;
  line: number;
}

/** A problem with the input that stops the fit; the message is one line. */
export class RiskFitInputError extends Error {
  override readonly name = 'RiskFitInputError';
}

const ALLOWED_KEYS = new Set(['text', 'label', 'language', 'region', 'group', 'id']);

/** Parses one JSON Lines line (1-based `line` for messages); throws RiskFitInputError. */
export function parseLabelledLine(raw: string, line: number): LabelledExample {
  if (raw.length > MAX_LINE_CHARS) throw new RiskFitInputError(`line ${line}: longer than ${MAX_LINE_CHARS} characters`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new RiskFitInputError(`line ${line}: not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RiskFitInputError(`line ${line}: not a JSON object`);
  const o = value as Record<string, unknown>;
  const unknownKey = Object.keys(o).find((k) => !ALLOWED_KEYS.has(k));
  if (unknownKey !== undefined) throw new RiskFitInputError(`line ${line}: unknown field "${unknownKey}" (expected text, label, language, region, group)`);
  if (typeof o.text !== 'string' || o.text.trim() === '') throw new RiskFitInputError(`line ${line}: "text" must be a non-empty string`);
  if (o.label !== 0 && o.label !== 1) throw new RiskFitInputError(`line ${line}: "label" must be 0 or 1`);
  const example: LabelledExample = { text: o.text, label: o.label, line };
  if (o.language !== undefined) {
    if (!(LANGUAGES as readonly unknown[]).includes(o.language)) throw new RiskFitInputError(`line ${line}: "language" must be es, en or pt`);
    example.language = o.language as LabelledExample['language'] & string;
  }
  if (o.region !== undefined) {
    if (typeof o.region !== 'string' || !/^[A-Za-z]{2}$/.test(o.region)) throw new RiskFitInputError(`line ${line}: "region" must be a two-letter country code`);
    example.region = o.region.toUpperCase();
  }
  if (o.group !== undefined) {
    if (typeof o.group !== 'string' || o.group === '') throw new RiskFitInputError(`line ${line}: "group" must be a non-empty string`);
    example.group = o.group;
  }
  return example;
}

/** Deterministic split: the first 4 bytes of SHA-256 of the key, mod 100, below `percent` → held out. */
export function isHeldOut(key: string, percent: number = HELD_OUT_PERCENT): boolean {
  return createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % 100 < percent;
}

export interface RiskFitOptions {
  /** L2 penalty of fitLogistic (default 1). */
  l2?: number;
  /** Keep the priors' caps in the fitted config (default false, as in configFromFit). */
  keepCaps?: boolean;
  /** Date for the version string, YYYY-MM-DD. */
  date: string;
}

export interface FittedWeight {
  id: string;
  prior: number;
  fitted: number;
  /** Training examples where the feature is non-zero. */
  support: number;
}

export interface RiskFitResult {
  config: RiskConfig;
  train: { n: number; positives: number };
  heldOut: { n: number; positives: number };
  fit: { l2: number; iterations: number; converged: boolean; loss: number };
  /** Features fitted (non-zero in some training example); every other feature keeps its prior weight. */
  weights: FittedWeight[];
  /** The same held-out examples scored with the shipped priors and with the fitted config. */
  prior: CalibrationReport;
  fitted: CalibrationReport;
}

const REPORT_K = [10, 50, 100];

function scoreOptions(e: LabelledExample, config?: RiskConfig): ScoreOptions {
  return {
    ...(e.region !== undefined ? { defaultRegion: e.region as CountryCode } : {}),
    ...(e.language !== undefined ? { language: e.language } : {}),
    ...(config !== undefined ? { config } : {}),
  };
}

function priorWeight(id: string): number {
  const entity = (DEFAULT_RISK_CONFIG.entityWeights as Record<string, number>)[id];
  if (entity !== undefined) return entity;
  const media = (DEFAULT_RISK_CONFIG.mediaWeights as Record<string, number>)[id];
  if (media !== undefined) return media;
  return DEFAULT_RISK_CONFIG.indicatorWeights[id] ?? (INDICATOR_CATALOG as Record<string, { weight: number }>)[id]?.weight ?? 0;
}

const count = (ys: readonly number[]): { n: number; positives: number } => ({ n: ys.length, positives: ys.reduce((a, y) => a + y, 0) });

/**
 * Fits a RiskConfig on labelled examples (see packages/core/src/risk/README.md, "How to fit or recalibrate").
 * Throws RiskFitInputError when the data cannot support a fit (too few, one class, a split side without both).
 */
export function fitRiskConfig(examples: readonly LabelledExample[], options: RiskFitOptions): RiskFitResult {
  const l2 = options.l2 ?? 1;
  if (examples.length < MIN_EXAMPLES) throw new RiskFitInputError(`${examples.length} examples; a fit needs at least ${MIN_EXAMPLES}`);
  const positives = examples.filter((e) => e.label === 1).length;
  if (positives === 0 || positives === examples.length) throw new RiskFitInputError(`every example has label ${examples[0]?.label}; a fit needs both 0 and 1`);
  if (Math.min(positives, examples.length - positives) < MIN_PER_CLASS) {
    throw new RiskFitInputError(`${positives} examples labelled 1 and ${examples.length - positives} labelled 0; a fit needs at least ${MIN_PER_CLASS} of each`);
  }

  // Features with the shipped scoring path (default config: only indicator presence and entity values matter).
  const rows = examples.map((e) => {
    const r = score(e.text, scoreOptions(e));
    return { e, x: featureVector({ indicators: r.indicators, entities: r.entities }), priorScore: r.score, heldOut: isHeldOut(e.group ?? e.text) };
  });
  const train = rows.filter((r) => !r.heldOut);
  const test = rows.filter((r) => r.heldOut);
  for (const [name, part] of [['training', train], ['held-out', test]] as const) {
    const c = count(part.map((r) => r.e.label));
    if (c.positives === 0 || c.positives === c.n) {
      throw new RiskFitInputError(`the ${name} split (${c.n} examples) has only one class; add examples of both labels (or vary "group")`);
    }
  }

  // Fit only the columns that occur in training; the others (e.g. link-graph and media signals, which text alone
  // never sets) keep their prior weights instead of being pulled to 0 by the penalty.
  const used = RISK_FEATURE_IDS.map((id, k) => ({ id, k, support: train.filter((r) => (r.x[k] ?? 0) !== 0).length })).filter((c) => c.support > 0);
  if (used.length === 0) throw new RiskFitInputError('no indicator or entity feature occurs in the training examples; nothing to fit');
  const fit = fitLogistic(
    train.map((r) => used.map((c) => r.x[c.k] ?? 0)),
    train.map((r) => r.e.label),
    { l2 },
  );
  const ids = used.map((c) => c.id);
  const draft = configFromFit(fit, ids, { version: 'draft', ...(options.keepCaps === true ? { keepCaps: true } : {}) });
  const { version: _draft, ...content } = riskConfigToJson(draft);
  const digest = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 8);
  const config: RiskConfig = { ...draft, version: `fitted-${options.date}-${digest}` };

  const labels = test.map((r) => r.e.label);
  return {
    config,
    train: count(train.map((r) => r.e.label)),
    heldOut: count(labels),
    fit: { l2, iterations: fit.iterations, converged: fit.converged, loss: fit.loss },
    weights: used.map((c, j) => ({ id: c.id, prior: priorWeight(c.id), fitted: fit.weights[j] ?? 0, support: c.support })),
    prior: calibrationReport(
      test.map((r) => r.priorScore),
      labels,
      { k: REPORT_K },
    ),
    fitted: calibrationReport(
      test.map((r) => score(r.e.text, scoreOptions(r.e, config)).score),
      labels,
      { k: REPORT_K },
    ),
  };
}

const f3 = (x: number | null): string => (x === null ? '–' : x.toFixed(3));

/** The report as text lines (what `centinela risk fit` prints). */
export function formatRiskFitReport(r: RiskFitResult): string[] {
  const out: string[] = [];
  out.push(`config ${r.config.version}: ${r.weights.length} features fitted (l2 ${r.fit.l2}, ${r.fit.iterations} iterations${r.fit.converged ? '' : ', NOT converged'}), bias ${r.config.bias.toFixed(3)} (prior ${DEFAULT_RISK_CONFIG.bias})`);
  out.push(`training ${r.train.n} examples (${r.train.positives} labelled 1); held out ${r.heldOut.n} (${r.heldOut.positives} labelled 1), split by a hash of "group" or the text`);
  out.push('');
  out.push(`held-out                  ${'prior'.padStart(9)} ${'fitted'.padStart(9)}`);
  const line = (label: string, a: number | null, b: number | null) => out.push(`${label.padEnd(25)} ${f3(a).padStart(9)} ${f3(b).padStart(9)}`);
  line(`ROC AUC ${r.prior.auc === null ? '' : '(higher better)'}`, r.prior.auc, r.fitted.auc);
  line('Brier (lower better)', r.prior.brier, r.fitted.brier);
  line('log loss (lower better)', r.prior.logLoss, r.fitted.logLoss);
  line('ECE (lower better)', r.prior.expectedCalibrationError, r.fitted.expectedCalibrationError);
  r.prior.precisionAtK.forEach((p, i) => line(`precision@${p.k}`, p.precision, r.fitted.precisionAtK[i]?.precision ?? null));
  out.push('');
  out.push('reliability (held-out; bins with examples): score range, n, mean score, share labelled 1');
  for (const [name, rep] of [['prior', r.prior], ['fitted', r.fitted]] as const) {
    for (const b of rep.bins) {
      if (b.count === 0) continue;
      out.push(`  ${name.padEnd(6)} [${b.lower.toFixed(1)}, ${b.upper.toFixed(1)})  n ${String(b.count).padStart(4)}  mean ${f3(b.meanScore)}  rate ${f3(b.positiveRate)}`);
    }
  }
  out.push('');
  out.push('fitted weights (log-odds; features absent from training keep their prior):');
  for (const w of [...r.weights].sort((a, b) => b.fitted - a.fitted || a.id.localeCompare(b.id))) {
    const flipped = w.prior > 0 && w.fitted < 0 ? '  SIGN FLIPPED: read these examples and their labels' : '';
    out.push(`  ${w.id.padEnd(36)} prior ${w.prior.toFixed(2).padStart(6)}  fitted ${w.fitted.toFixed(2).padStart(6)}  (in ${w.support} training examples)${flipped}`);
  }
  out.push('');
  const better =
    (r.fitted.auc ?? 0) >= (r.prior.auc ?? 0) && r.fitted.brier <= r.prior.brier
      ? 'the fitted config is at least as good as the priors on held-out AUC and Brier'
      : 'the fitted config is NOT better than the priors on held-out AUC and Brier: do not deploy it';
  out.push(`verdict: ${better} (n=${r.heldOut.n} held out; small samples are noisy).`);
  return out;
}
