// Published tables: what leaves the system. Each carries the privacy parameters it was made with, so they can
// be printed next to every chart and exported with every CSV.
import { dpCounts, type DpOptions } from './dp.js';
import { suppressSmallCells, type SuppressionOptions } from './suppress.js';
import { keyOf, type CountTable } from './table.js';

export type PrivacyParameters =
  | {
      readonly method: 'k-anonymity';
      readonly k: number;
      /** Entries hidden in all (cells and margins). */
      readonly suppressed: number;
      readonly primarySuppressed: number;
      readonly secondarySuppressed: number;
    }
  | {
      readonly method: 'dp-laplace' | 'dp-geometric';
      readonly epsilon: number;
      readonly sensitivity: number;
      /** Laplace scale Δ/ε, or the geometric α = exp(−ε/Δ). */
      readonly scale: number;
      readonly noiseVariance: number;
      readonly suppressed: 0;
      readonly postProcessing: readonly ['round', 'clamp-at-zero', 'margins-from-cells'];
    };

export interface PublishedCell {
  /** One category per dimension, 'total' for margins. */
  readonly key: readonly string[];
  /** null when suppressed. */
  readonly value: number | null;
  readonly suppressed: boolean;
}

export interface PublishedTable {
  readonly title: string;
  readonly dimensions: readonly { readonly name: string; readonly categories: readonly string[] }[];
  readonly cells: readonly PublishedCell[];
  readonly privacy: PrivacyParameters;
}

const dims = (t: CountTable) => t.dimensions.map((d) => ({ name: d.name, categories: d.categories }));

/** Publish with small-cell suppression (k default 11) and complementary suppression. */
export function publishWithSuppression(table: CountTable, options: SuppressionOptions & { readonly title: string }): PublishedTable {
  const s = suppressSmallCells(table, options);
  return {
    title: options.title,
    dimensions: dims(table),
    cells: s.values.map((value, p) => ({ key: keyOf(table, p), value, suppressed: value === null })),
    privacy: { method: 'k-anonymity', k: s.k, suppressed: s.primary + s.secondary, primarySuppressed: s.primary, secondarySuppressed: s.secondary },
  };
}

/** Publish differentially private counts (geometric mechanism unless told otherwise). */
export function publishWithDp(table: CountTable, options: DpOptions & { readonly title: string }): PublishedTable {
  const n = dpCounts(table, options);
  return {
    title: options.title,
    dimensions: dims(table),
    cells: n.values.map((value, p) => ({ key: keyOf(table, p), value, suppressed: false })),
    privacy: {
      method: n.mechanism === 'laplace' ? 'dp-laplace' : 'dp-geometric',
      epsilon: n.epsilon,
      sensitivity: n.sensitivity,
      scale: n.scale,
      noiseVariance: n.noiseVariance,
      suppressed: 0,
      postProcessing: ['round', 'clamp-at-zero', 'margins-from-cells'],
    },
  };
}

/** A one-line statement of the privacy parameters, for captions. */
export function describePrivacy(p: PrivacyParameters): string {
  return p.method === 'k-anonymity'
    ? `k-anonymity: counts below ${p.k} suppressed (${p.suppressed} entries hidden, ${p.secondarySuppressed} of them to protect others)`
    : `differential privacy (${p.method === 'dp-laplace' ? 'Laplace' : 'two-sided geometric'} mechanism): ε = ${p.epsilon}, sensitivity ${p.sensitivity}; rounded, clamped at 0, totals are sums of the noisy cells`;
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV of a published table; the privacy parameters are repeated on every row so no row travels without them. */
export function publishedTableToCsv(table: PublishedTable): string {
  const p = table.privacy;
  const privacy = [p.method, p.method === 'k-anonymity' ? String(p.k) : '', p.method === 'k-anonymity' ? '' : String(p.epsilon), p.method === 'k-anonymity' ? '' : String(p.sensitivity)];
  const header = [...table.dimensions.map((d) => d.name), 'value', 'suppressed', 'privacy_method', 'k', 'epsilon', 'sensitivity'];
  const rows = table.cells.map((c) => [...c.key, c.value === null ? '' : String(c.value), c.suppressed ? 'true' : 'false', ...privacy]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
