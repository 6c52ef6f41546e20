// Small-cell suppression (the threshold rule behind CTDC's k = 11) with complementary suppression.
//
// Method, in short (the README says it in plain words):
// 1. Primary: every count c with 0 < c < k is hidden — cells and margins alike, since a small total is a small
//    count too. Zeros are published: they are structural and hiding them protects nobody.
// 2. Secondary (complementary): the table is a set of lines — along each dimension, the cells of a line add up
//    to the line's total. A line with exactly one hidden entry gives it away by subtraction, so another entry of
//    that line is hidden too: the smallest non-zero one, preferring cells over the line's total and cells whose
//    other lines already hide something (fewer new lines to repair). Repeated until no line hides exactly one.
// 3. Audit: for every hidden entry we check, from the published numbers only, that it cannot be worked out
//    (a) exactly by combining lines (linear algebra: its unit vector is not in the row space of the system), nor
//    (b) pinned to one value by non-negativity (bounds propagated along the lines). If one can, one more entry of
//    its lines is hidden and the loop goes on. This catches the classic failures (a hidden pair joined only to the
//    rest by one entry; a zero used as complement), but it is not a full linear-programming audit: bounds an
//    attacker could get with LP may be narrower than ours, though never a single value the algebra misses.
import { lineBases, strides, type CountTable, type Dimension } from './table.js';

export type SuppressionFlag = 'primary' | 'secondary' | null;

export interface SuppressedTable {
  readonly dimensions: readonly Dimension[];
  readonly shape: readonly number[];
  /** Published values over the extended grid; null where suppressed. */
  readonly values: readonly (number | null)[];
  readonly flags: readonly SuppressionFlag[];
  readonly k: number;
  readonly primary: number;
  readonly secondary: number;
}

export interface SuppressionOptions {
  /** Counts below k (and above 0) are suppressed. Default 11, as CTDC used. */
  readonly k?: number;
}

export const DEFAULT_K = 11;

export function suppressSmallCells(table: CountTable, options: SuppressionOptions = {}): SuppressedTable {
  const k = options.k ?? DEFAULT_K;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, not ${k}`);
  const { shape, counts } = table;
  const stride = strides(shape);
  const n = counts.length;
  const lines = buildLines(shape, stride);
  const linesOf: number[][] = Array.from({ length: n }, () => []);
  lines.forEach((line, l) => line.forEach((p) => (linesOf[p] as number[]).push(l)));

  const flag = new Uint8Array(n); // 0 published, 1 primary, 2 secondary
  const hiddenInLine = new Int32Array(lines.length);
  const hide = (p: number, kind: 1 | 2) => {
    flag[p] = kind;
    for (const l of linesOf[p] as number[]) hiddenInLine[l] = (hiddenInLine[l] as number) + 1;
  };
  for (let p = 0; p < n; p++) {
    const c = counts[p] as number;
    if (c > 0 && c < k) hide(p, 1);
  }

  // The best entry to hide among candidates: non-zero, a cell rather than the line total, fewest new
  // single-hidden lines, smallest value. Returns -1 when every entry is hidden already.
  const choose = (candidates: readonly number[], exceptLine: number): number => {
    let best = -1;
    let bestScore: number[] = [];
    for (const p of candidates) {
      if (flag[p] !== 0) continue;
      const isTotal = exceptLine >= 0 && (lines[exceptLine] as number[]).at(-1) === p ? 1 : 0;
      const fresh = (linesOf[p] as number[]).filter((l) => l !== exceptLine && hiddenInLine[l] === 0).length;
      const score = [counts[p] === 0 ? 1 : 0, isTotal, fresh, counts[p] as number];
      if (best < 0 || lexLess(score, bestScore)) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  };

  const repairLines = () => {
    let changed = true;
    while (changed) {
      changed = false;
      for (let l = 0; l < lines.length; l++) {
        if (hiddenInLine[l] !== 1) continue;
        const c = choose(lines[l] as number[], l);
        if (c >= 0) {
          hide(c, 2);
          changed = true;
        }
      }
    }
  };

  for (let guard = 0; guard <= n; guard++) {
    repairLines();
    const exposed = exposedEntries(lines, counts, flag);
    if (exposed.length === 0) break;
    let progressed = false;
    for (const p of exposed) {
      if (flag[p] === 0) continue;
      const candidates = (linesOf[p] as number[]).flatMap((l) => lines[l] as number[]);
      const c = choose(candidates, -1);
      if (c >= 0) {
        hide(c, 2);
        progressed = true;
        break; // re-audit after each addition: one complement often protects several entries
      }
    }
    if (!progressed) break;
  }

  let primary = 0;
  let secondary = 0;
  const flags: SuppressionFlag[] = [];
  const values: (number | null)[] = [];
  for (let p = 0; p < n; p++) {
    if (flag[p] === 1) primary++;
    if (flag[p] === 2) secondary++;
    flags.push(flag[p] === 1 ? 'primary' : flag[p] === 2 ? 'secondary' : null);
    values.push(flag[p] === 0 ? (counts[p] as number) : null);
  }
  return { dimensions: table.dimensions, shape, values, flags, k, primary, secondary };
}

const lexLess = (a: readonly number[], b: readonly number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
};

/** Every line of the extended grid as its positions; the last position of a line is its total. */
export function buildLines(shape: readonly number[], stride: readonly number[]): number[][] {
  const lines: number[][] = [];
  shape.forEach((len, d) => {
    for (const base of lineBases(shape, stride, d)) lines.push(Array.from({ length: len }, (_, i) => base + i * (stride[d] as number)));
  });
  return lines;
}

/**
 * Hidden entries an attacker can work out from the published entries: exactly by linear algebra, or pinned to a
 * single value by propagating non-negative bounds along the lines. Only published values are used.
 */
export function exposedEntries(lines: readonly (readonly number[])[], counts: readonly number[], flag: Uint8Array): number[] {
  const hidden: number[] = [];
  flag.forEach((f, p) => {
    if (f !== 0) hidden.push(p);
  });
  if (hidden.length === 0) return [];
  const col = new Map(hidden.map((p, i) => [p, i]));
  // Each line: sum(cells) - total = 0, i.e. coefficients +1 on cells and -1 on the total.
  const eqs: { vars: { i: number; a: number }[]; c: number }[] = [];
  for (const line of lines) {
    const vars: { i: number; a: number }[] = [];
    let known = 0;
    line.forEach((p, j) => {
      const a = j === line.length - 1 ? -1 : 1;
      const i = col.get(p);
      if (i === undefined) known += a * (counts[p] as number);
      else vars.push({ i, a });
    });
    if (vars.length > 0) eqs.push({ vars, c: -known });
  }
  const exposed = new Set<number>();
  const [lo, hi] = propagateBounds(eqs, hidden.length);
  hidden.forEach((p, i) => {
    if (lo[i] === hi[i]) exposed.add(p);
  });
  for (const i of determinedByAlgebra(eqs, hidden.length)) exposed.add(hidden[i] as number);
  return [...exposed].sort((a, b) => a - b);
}

function propagateBounds(eqs: readonly { vars: readonly { i: number; a: number }[]; c: number }[], n: number): [number[], number[]] {
  const lo = new Array<number>(n).fill(0);
  const hi = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  for (let round = 0; round < 100; round++) {
    let changed = false;
    for (const { vars, c } of eqs) {
      // Range of a·x for each variable, then of the sum of the others.
      const mins = vars.map(({ i, a }) => (a > 0 ? (lo[i] as number) : -(hi[i] as number)));
      const maxs = vars.map(({ i, a }) => (a > 0 ? (hi[i] as number) : -(lo[i] as number)));
      const sumMin = sumWithInf(mins);
      const sumMax = sumWithInf(maxs);
      vars.forEach(({ i, a }, j) => {
        const otherMin = minus(sumMin, mins[j] as number);
        const otherMax = minus(sumMax, maxs[j] as number);
        // a·x = c − others
        let newLo = a > 0 ? c - otherMax : otherMin - c;
        let newHi = a > 0 ? c - otherMin : otherMax - c;
        newLo = Number.isFinite(newLo) ? Math.ceil(newLo - 1e-9) : newLo;
        newHi = Number.isFinite(newHi) ? Math.floor(newHi + 1e-9) : newHi;
        if (newLo > (lo[i] as number)) {
          lo[i] = newLo;
          changed = true;
        }
        if (newHi < (hi[i] as number)) {
          hi[i] = newHi;
          changed = true;
        }
      });
    }
    if (!changed) break;
  }
  return [lo, hi];
}

// Sums that may hold ±Infinity, kept as { finite part, count of +∞, count of −∞ } so one term can be taken out.
interface InfSum {
  readonly finite: number;
  readonly pos: number;
  readonly neg: number;
}
const sumWithInf = (xs: readonly number[]): InfSum =>
  xs.reduce<InfSum>(
    (s, x) => (x === Number.POSITIVE_INFINITY ? { ...s, pos: s.pos + 1 } : x === Number.NEGATIVE_INFINITY ? { ...s, neg: s.neg + 1 } : { ...s, finite: s.finite + x }),
    { finite: 0, pos: 0, neg: 0 },
  );
function minus(s: InfSum, x: number): number {
  const pos = s.pos - (x === Number.POSITIVE_INFINITY ? 1 : 0);
  const neg = s.neg - (x === Number.NEGATIVE_INFINITY ? 1 : 0);
  if (pos > 0 && neg > 0) return Number.NaN; // cannot happen: mins never hold +∞ nor maxs −∞
  if (pos > 0) return Number.POSITIVE_INFINITY;
  if (neg > 0) return Number.NEGATIVE_INFINITY;
  return s.finite - (Number.isFinite(x) ? x : 0);
}

/** Indices of unknowns fixed by the equations alone: reduced row echelon form, pivot rows with no free columns. */
function determinedByAlgebra(eqs: readonly { vars: readonly { i: number; a: number }[] }[], n: number): number[] {
  const rows: number[][] = eqs.map(({ vars }) => {
    const r = new Array<number>(n).fill(0);
    for (const { i, a } of vars) r[i] = (r[i] as number) + a;
    return r;
  });
  const pivotOfRow: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs((rows[i] as number[])[c] as number) > Math.abs((rows[best] as number[])[c] as number)) best = i;
    if (Math.abs((rows[best] as number[])[c] as number) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best] as number[], rows[r] as number[]];
    const pr = rows[r] as number[];
    const pv = pr[c] as number;
    for (let j = c; j < n; j++) pr[j] = (pr[j] as number) / pv;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const row = rows[i] as number[];
      const f = row[c] as number;
      if (f === 0) continue;
      for (let j = c; j < n; j++) row[j] = (row[j] as number) - f * (pr[j] as number);
    }
    pivotOfRow.push(c);
    r++;
  }
  const pivots = new Set(pivotOfRow);
  const determined: number[] = [];
  pivotOfRow.forEach((c, i) => {
    const row = rows[i] as number[];
    let free = false;
    for (let j = 0; j < n && !free; j++) if (!pivots.has(j) && Math.abs(row[j] as number) > 1e-9) free = true;
    if (!free) determined.push(c);
  });
  return determined;
}
