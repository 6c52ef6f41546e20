// Precision / recall / F1 bookkeeping for the text evaluation (pure; tested in eval.test.ts).

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  /** null when nothing was predicted (tp + fp = 0). */
  precision: number | null;
  /** null when nothing was labelled (tp + fn = 0). */
  recall: number | null;
  /** null when precision or recall is null; 0 when both are 0. */
  f1: number | null;
  support: number;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1, support: c.tp + c.fn };
}

/**
 * Multiset matching of gold against predicted keys in one document: each key matches at most as many times as it
 * occurs on both sides. Returns the counts and the unmatched keys on each side.
 */
export function matchMultiset(gold: readonly string[], predicted: readonly string[]): Counts & { missed: string[]; spurious: string[] } {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  const spurious: string[] = [];
  for (const p of predicted) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      tp++;
      left.set(p, n - 1);
    } else {
      spurious.push(p);
    }
  }
  const missed: string[] = [];
  for (const [k, n] of left) for (let i = 0; i < n; i++) missed.push(k);
  return { tp, fp: spurious.length, fn: missed.length, missed, spurious };
}

/** Per-class counts accumulated over documents, plus micro and macro averages. */
export class PerClass {
  readonly counts = new Map<string, Counts>();

  add(cls: string, c: Partial<Counts>): void {
    const cur = this.counts.get(cls) ?? { tp: 0, fp: 0, fn: 0 };
    cur.tp += c.tp ?? 0;
    cur.fp += c.fp ?? 0;
    cur.fn += c.fn ?? 0;
    this.counts.set(cls, cur);
  }

  /** Adds one document's sets of gold and predicted labels (binary per label). */
  addSets(gold: Iterable<string>, predicted: Iterable<string>): void {
    const g = new Set(gold);
    const p = new Set(predicted);
    for (const x of g) this.add(x, p.has(x) ? { tp: 1 } : { fn: 1 });
    for (const x of p) if (!g.has(x)) this.add(x, { fp: 1 });
  }

  classes(): string[] {
    return [...this.counts.keys()].sort();
  }

  get(cls: string): Prf {
    return prf(this.counts.get(cls) ?? { tp: 0, fp: 0, fn: 0 });
  }

  /** Micro average: pooled counts. */
  micro(): Prf {
    const sum = { tp: 0, fp: 0, fn: 0 };
    for (const c of this.counts.values()) {
      sum.tp += c.tp;
      sum.fp += c.fp;
      sum.fn += c.fn;
    }
    return prf(sum);
  }

  /**
   * Macro average over classes with gold support (classes only ever predicted add nothing to recall and would
   * make the average depend on which false alarms happened). Precision of a class with support but no prediction
   * counts as 0; F1 is the mean of per-class F1 (0 when undefined).
   */
  macro(): { precision: number | null; recall: number | null; f1: number | null; classes: number } {
    const rows = this.classes().map((c) => this.get(c)).filter((r) => r.support > 0);
    if (rows.length === 0) return { precision: null, recall: null, f1: null, classes: 0 };
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      precision: mean(rows.map((r) => r.precision ?? 0)),
      recall: mean(rows.map((r) => r.recall ?? 0)),
      f1: mean(rows.map((r) => r.f1 ?? 0)),
      classes: rows.length,
    };
  }
}

/** Precision and recall of a binary prediction against a binary flag over documents. */
export function binaryAgreement(predicted: readonly boolean[], flag: readonly boolean[]): Prf & { n: number; agreement: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let same = 0;
  predicted.forEach((p, i) => {
    const f = flag[i] === true;
    if (p && f) tp++;
    else if (p && !f) fp++;
    else if (!p && f) fn++;
    if (p === f) same++;
  });
  return { ...prf({ tp, fp, fn }), n: predicted.length, agreement: predicted.length > 0 ? same / predicted.length : 0 };
}

export function fmt(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined ? '  –  ' : x.toFixed(digits);
}
