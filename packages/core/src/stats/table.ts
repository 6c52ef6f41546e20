// Disaggregated counts. A table has one or more dimensions (sex, age band, ...); each dimension lists its
// categories and gets one extra "total" position, so the table holds its margins too. Cells are stored in a flat
// row-major array over that extended grid.

/** The key used for a margin (total over a dimension) in published tables. */
export const TOTAL = 'total';
/** The category for missing values and values outside a dimension's categories. */
export const UNKNOWN = 'unknown';

export interface Dimension {
  readonly name: string;
  /** Categories in display order; 'unknown' is always present (added last when missing). */
  readonly categories: readonly string[];
  /**
   * True when the categories were read off the data. Differential privacy refuses such dimensions: which
   * categories exist would itself reveal that someone has them.
   */
  readonly observed?: boolean;
}

/** One record as statistics see it: a category, several categories (multiselect fields), or nothing. */
export type StatsRow = Readonly<Record<string, string | readonly string[] | null | undefined>>;

export interface CountTable {
  readonly dimensions: readonly Dimension[];
  /** Length of each dimension in the extended grid: categories + 1 (the total). */
  readonly shape: readonly number[];
  /** Exact counts over the extended grid; margins are sums of the cells. */
  readonly counts: readonly number[];
  /** Records counted. */
  readonly records: number;
  /**
   * The most cells one record can add to (product over dimensions of the values a record may have there).
   * This is the L1 sensitivity of the table, which differential privacy needs.
   */
  readonly maxCellsPerRecord: number;
}

export interface TabulateOptions {
  /**
   * For multiselect dimensions, the most values a record may count under (extra values are dropped, keeping
   * the first ones in category order). Default: every category, which is safe but makes DP noise larger.
   */
  readonly maxValuesPerRecord?: Readonly<Record<string, number>>;
  /** Dimensions whose values are lists (one record counted once per value). */
  readonly multiValued?: readonly string[];
}

export function dimension(name: string, categories: readonly string[]): Dimension {
  const unique = [...new Set(categories)].filter((c) => c !== UNKNOWN && c !== TOTAL);
  if (categories.includes(TOTAL)) throw new RangeError(`dimension ${name}: "${TOTAL}" is reserved for margins`);
  return { name, categories: [...unique, UNKNOWN] };
}

/** A dimension whose categories are the values seen in the rows (sorted). Fine for suppression, not for DP. */
export function observedDimension(name: string, rows: readonly StatsRow[]): Dimension {
  const seen = new Set<string>();
  for (const row of rows) for (const v of valuesOf(row[name])) seen.add(v);
  return { ...dimension(name, [...seen].sort()), observed: true };
}

const valuesOf = (v: StatsRow[string]): readonly string[] => (v === null || v === undefined ? [] : typeof v === 'string' ? [v] : v);

export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d] as number;
  }
  return s;
}

/** Counts rows over the dimensions; margins are filled in as sums, so every table is additive. */
export function tabulate(rows: readonly StatsRow[], dimensions: readonly Dimension[], options: TabulateOptions = {}): CountTable {
  if (dimensions.length === 0) throw new RangeError('a table needs at least one dimension');
  if (new Set(dimensions.map((d) => d.name)).size !== dimensions.length) throw new RangeError('dimension names must differ');
  const shape = dimensions.map((d) => d.categories.length + 1);
  const stride = strides(shape);
  const size = shape.reduce((a, b) => a * b, 1);
  const counts = new Array<number>(size).fill(0);
  const index = dimensions.map((d) => new Map(d.categories.map((c, i) => [c, i])));
  const multi = new Set(options.multiValued ?? []);
  const caps = dimensions.map((d) => (multi.has(d.name) ? Math.max(1, Math.min(options.maxValuesPerRecord?.[d.name] ?? d.categories.length, d.categories.length)) : 1));

  const unknownIds = index.map((m) => m.get(UNKNOWN) as number);
  for (const row of rows) {
    // Fast path: one value per dimension, one cell.
    let offset = 0;
    let single = true;
    for (let d = 0; d < dimensions.length && single; d++) {
      const v = row[(dimensions[d] as Dimension).name];
      if (v === null || v === undefined) offset += (unknownIds[d] as number) * (stride[d] as number);
      else if (typeof v === 'string') offset += ((index[d] as Map<string, number>).get(v) ?? (unknownIds[d] as number)) * (stride[d] as number);
      else single = false;
    }
    if (single) {
      counts[offset] = (counts[offset] as number) + 1;
      continue;
    }
    const perDim: number[][] = dimensions.map((d, i) => {
      const raw = valuesOf(row[d.name]);
      if (!multi.has(d.name) && raw.length > 1) throw new RangeError(`dimension ${d.name} is single-valued but a row has ${raw.length} values`);
      const ids = [...new Set(raw.map((v) => (index[i] as Map<string, number>).get(v) ?? (unknownIds[i] as number)))].sort((a, b) => a - b);
      return ids.length === 0 ? [unknownIds[i] as number] : ids.slice(0, caps[i]);
    });
    // Every combination of the row's values gets one count.
    let offsets = [0];
    perDim.forEach((ids, d) => {
      offsets = offsets.flatMap((o) => ids.map((id) => o + id * (stride[d] as number)));
    });
    for (const o of offsets) counts[o] = (counts[o] as number) + 1;
  }
  fillMargins(counts, shape, stride);
  return { dimensions, shape, counts, records: rows.length, maxCellsPerRecord: caps.reduce((a, b) => a * b, 1) };
}

/** Sets each total position to the sum of its line, dimension after dimension (totals of totals included). */
export function fillMargins(values: number[], shape: readonly number[], stride: readonly number[]): void {
  for (let d = 0; d < shape.length; d++) {
    const len = shape[d] as number;
    const st = stride[d] as number;
    for (const base of lineBases(shape, stride, d)) {
      let sum = 0;
      for (let i = 0; i < len - 1; i++) sum += values[base + i * st] as number;
      values[base + (len - 1) * st] = sum;
    }
  }
}

/** Start positions of every line along dimension d (index d = 0, the others anything, totals included). */
export function lineBases(shape: readonly number[], stride: readonly number[], d: number): number[] {
  let bases = [0];
  shape.forEach((len, e) => {
    if (e === d) return;
    bases = bases.flatMap((b) => Array.from({ length: len }, (_, i) => b + i * (stride[e] as number)));
  });
  return bases;
}

/** The category keys of a flat position, TOTAL for margins. */
export function keyOf(table: Pick<CountTable, 'dimensions' | 'shape'>, position: number): string[] {
  const stride = strides(table.shape);
  return table.dimensions.map((dim, d) => {
    const i = Math.floor(position / (stride[d] as number)) % (table.shape[d] as number);
    return i === dim.categories.length ? TOTAL : (dim.categories[i] as string);
  });
}

/** The flat position of a key (categories or TOTAL, one per dimension), or -1. */
export function positionOf(table: Pick<CountTable, 'dimensions' | 'shape'>, key: readonly string[]): number {
  const stride = strides(table.shape);
  let pos = 0;
  for (const [d, dim] of table.dimensions.entries()) {
    const k = key[d];
    const i = k === TOTAL ? dim.categories.length : dim.categories.indexOf(k ?? '');
    if (i < 0) return -1;
    pos += i * (stride[d] as number);
  }
  return pos;
}

/** Whether a position is a margin (a total over at least one dimension). */
export function isMargin(shape: readonly number[], stride: readonly number[], position: number): boolean {
  return shape.some((len, d) => Math.floor(position / (stride[d] as number)) % len === len - 1);
}

export function countAt(table: CountTable, key: readonly string[]): number | undefined {
  const p = positionOf(table, key);
  return p < 0 ? undefined : table.counts[p];
}
