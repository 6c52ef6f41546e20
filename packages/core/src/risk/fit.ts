/**
 * L2-regularised logistic regression fitted by Newton–Raphson (IRLS) with a backtracking line search.
 * Deterministic: no random initialisation, no sampling; the same data give the same weights on every machine.
 * Minimises  Σ log(1 + e^z) − y·z  +  (l2 / 2)·‖w‖²,  z = bias + w·x  (the bias is not penalised).
 */

import { sigmoid } from './terms.js';

export interface FitOptions {
  /** L2 penalty on the weights (not the bias). Default 1; keeps weights finite on separable data. */
  l2?: number;
  /** Maximum Newton iterations. Default 50 (it usually converges in under 10). */
  iterations?: number;
  /** Stop when the largest parameter step is below this. Default 1e-8. */
  tolerance?: number;
}

export interface LogisticFit {
  weights: number[];
  bias: number;
  iterations: number;
  converged: boolean;
  /** Penalised negative log-likelihood at the solution, divided by the number of samples. */
  loss: number;
}

/** Fits weights for `samples` (rows of equal length, finite numbers) and `labels` in [0, 1] (usually 0 or 1). */
export function fitLogistic(
  samples: readonly (readonly number[])[],
  labels: readonly number[],
  options: FitOptions = {},
): LogisticFit {
  const n = samples.length;
  if (n === 0) throw new RangeError('fitLogistic: no samples');
  if (labels.length !== n) throw new RangeError(`fitLogistic: ${n} samples but ${labels.length} labels`);
  const d = samples[0]?.length ?? 0;
  samples.forEach((row, i) => {
    if (row.length !== d) throw new RangeError(`fitLogistic: sample ${i} has ${row.length} features, expected ${d}`);
    if (!row.every(Number.isFinite)) throw new RangeError(`fitLogistic: sample ${i} has a non-finite value`);
  });
  labels.forEach((y, i) => {
    if (!(y >= 0 && y <= 1)) throw new RangeError(`fitLogistic: label ${i} is not in [0, 1]`);
  });
  const l2 = options.l2 ?? 1;
  if (!(l2 >= 0)) throw new RangeError('fitLogistic: l2 must be ≥ 0');
  const maxIter = options.iterations ?? 50;
  const tol = options.tolerance ?? 1e-8;

  // θ[0] is the bias; θ[1..d] the weights. Work on a flat copy of X with a leading 1 column.
  const p = d + 1;
  const X = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    X[i * p] = 1;
    const row = samples[i] ?? [];
    for (let j = 0; j < d; j++) X[i * p + j + 1] = row[j] ?? 0;
  }
  const y = Float64Array.from(labels);
  let theta: Float64Array = new Float64Array(p);
  let loss = objective(X, y, theta, n, p, l2);
  let converged = false;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    const grad = new Float64Array(p);
    const hess = new Float64Array(p * p);
    for (let i = 0; i < n; i++) {
      const z = dot(X, i * p, theta, p);
      const mu = sigmoid(z);
      const r = mu - (y[i] ?? 0);
      const w = Math.max(mu * (1 - mu), 1e-12);
      const off = i * p;
      for (let a = 0; a < p; a++) {
        const xa = X[off + a] ?? 0;
        if (xa === 0) continue;
        grad[a] = (grad[a] ?? 0) + r * xa;
        const wa = w * xa;
        for (let b = 0; b <= a; b++) hess[a * p + b] = (hess[a * p + b] ?? 0) + wa * (X[off + b] ?? 0);
      }
    }
    for (let a = 1; a < p; a++) {
      grad[a] = (grad[a] ?? 0) + l2 * (theta[a] ?? 0);
      hess[a * p + a] = (hess[a * p + a] ?? 0) + l2;
    }
    for (let a = 0; a < p; a++) {
      hess[a * p + a] = (hess[a * p + a] ?? 0) + 1e-9; // keeps the factorisation defined for empty features
      for (let b = 0; b < a; b++) hess[b * p + a] = hess[a * p + b] ?? 0;
    }
    const step = solveSpd(hess, grad, p);
    // Backtracking: halve the Newton step until the objective does not increase.
    let t = 1;
    let next = theta;
    let nextLoss = loss;
    for (let k = 0; k < 30; k++) {
      const cand = new Float64Array(p);
      for (let a = 0; a < p; a++) cand[a] = (theta[a] ?? 0) - t * (step[a] ?? 0);
      const l = objective(X, y, cand, n, p, l2);
      if (l <= loss + 1e-12) {
        next = cand;
        nextLoss = l;
        break;
      }
      t /= 2;
    }
    let maxStep = 0;
    for (let a = 0; a < p; a++) maxStep = Math.max(maxStep, Math.abs((next[a] ?? 0) - (theta[a] ?? 0)));
    theta = next;
    loss = nextLoss;
    if (maxStep < tol) {
      converged = true;
      iter++;
      break;
    }
  }
  return { bias: theta[0] ?? 0, weights: Array.from(theta.subarray(1)), iterations: iter, converged, loss: loss / n };
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function dot(X: Float64Array, off: number, theta: Float64Array, p: number): number {
  let z = 0;
  for (let a = 0; a < p; a++) z += (X[off + a] ?? 0) * (theta[a] ?? 0);
  return z;
}

function objective(X: Float64Array, y: Float64Array, theta: Float64Array, n: number, p: number, l2: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const z = dot(X, i * p, theta, p);
    sum += softplus(z) - (y[i] ?? 0) * z;
  }
  let reg = 0;
  for (let a = 1; a < p; a++) reg += (theta[a] ?? 0) ** 2;
  return sum + 0.5 * l2 * reg;
}

/** Solves A·x = b for symmetric positive-definite A (row-major p×p) by Cholesky decomposition. */
function solveSpd(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * p + j] ?? 0;
      for (let k = 0; k < j; k++) s -= (L[i * p + k] ?? 0) * (L[j * p + k] ?? 0);
      if (i === j) L[i * p + i] = Math.sqrt(Math.max(s, 1e-300));
      else L[i * p + j] = s / (L[j * p + j] ?? 1);
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i] ?? 0;
    for (let k = 0; k < i; k++) s -= (L[i * p + k] ?? 0) * (z[k] ?? 0);
    z[i] = s / (L[i * p + i] ?? 1);
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i] ?? 0;
    for (let k = i + 1; k < p; k++) s -= (L[k * p + i] ?? 0) * (x[k] ?? 0);
    x[i] = s / (L[i * p + i] ?? 1);
  }
  return x;
}
