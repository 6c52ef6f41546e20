// Output shapes for `centinela cluster FILE.jsonl`: one JSON line per ad and a summary, built from ClusterResult.
import type { ClusterResult, TemplatePart } from './types.js';

/** Template as one string, slots as `{{n}}` (n = slot id). Literal braces in text are left as they are. */
export function renderTemplate(template: readonly TemplatePart[]): string {
  return template.map((p) => (p.kind === 'text' ? p.text : `{{${p.id}}}`)).join('');
}

/** A member's text rebuilt from the template and its fillers (empty slots render as ''), for display and tests. */
export function fillTemplate(template: readonly TemplatePart[], fills: ReadonlyArray<{ slot: number; text: string }>): string {
  const bySlot = new Map(fills.map((f) => [f.slot, f.text]));
  let out = '';
  let squeeze = false; // an empty slot between two spaces leaves one space, not two
  for (const p of template) {
    if (p.kind === 'slot') {
      const v = bySlot.get(p.id) ?? '';
      squeeze = v === '' && /\s$/.test(out);
      out += v;
    } else {
      out += squeeze ? p.text.replace(/^\s+/, '') : p.text;
      squeeze = false;
    }
  }
  return out;
}

export interface ClusterLine {
  id: string;
  /** Cluster id, or null when the ad is in no cluster. */
  cluster: string | null;
  /** The cluster's rendered template (`{{n}}` slots), or null. */
  template: string | null;
}

export interface ClusterSummary {
  ads: number;
  clusters: number;
  clusteredAds: number;
  unclusteredAds: number;
  largestCluster: number;
  /** Clusters by size: "2", "3-5", "6-20", "21-100", ">100". */
  sizeHistogram: Record<string, number>;
  /** Member-weighted mean MDL ratio (template bits / literal bits; lower = tighter templates). */
  meanRatio: number;
  /** Coarse clusters the MDL split divided. */
  splitCoarseClusters: number;
}

/** One line per input id, in the assignments' (input) order. */
export function clusterLines(result: ClusterResult): ClusterLine[] {
  const rendered = new Map(result.clusters.map((c) => [c.id, renderTemplate(c.template)]));
  const out: ClusterLine[] = [];
  for (const [id, cluster] of result.assignments) {
    out.push({ id, cluster, template: cluster === null ? null : (rendered.get(cluster) ?? null) });
  }
  return out;
}

export function clusterSummary(result: ClusterResult): ClusterSummary {
  const hist: Record<string, number> = { '2': 0, '3-5': 0, '6-20': 0, '21-100': 0, '>100': 0 };
  let clustered = 0;
  let largest = 0;
  let ratioSum = 0;
  const coarse = new Map<string, number>();
  for (const c of result.clusters) {
    const n = c.members.length;
    clustered += n;
    largest = Math.max(largest, n);
    ratioSum += c.quality.ratio * n;
    coarse.set(c.coarseId, (coarse.get(c.coarseId) ?? 0) + 1);
    const bin = n <= 2 ? '2' : n <= 5 ? '3-5' : n <= 20 ? '6-20' : n <= 100 ? '21-100' : '>100';
    hist[bin] = (hist[bin] ?? 0) + 1;
  }
  return {
    ads: result.assignments.size,
    clusters: result.clusters.length,
    clusteredAds: clustered,
    unclusteredAds: result.assignments.size - clustered,
    largestCluster: largest,
    sizeHistogram: hist,
    meanRatio: clustered > 0 ? Math.round((ratioSum / clustered) * 10000) / 10000 : 0,
    splitCoarseClusters: [...coarse.values()].filter((v) => v > 1).length,
  };
}
