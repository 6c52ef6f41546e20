// Batch API: coarse LSH clusters, then a template (and MDL split) per coarse cluster.
import { LshIndex } from './lshIndex.js';
import { fineGroups } from './split.js';
import type { Ad, Cluster, ClusterOptions, ClusterResult, TemplateQuality } from './types.js';

const EMPTY_QUALITY: TemplateQuality = { members: 0, bits: 0, nullBits: 0, ratio: 1, coverage: 0, textTokens: 0, slots: 0 };

/**
 * Clusters ads by template. Input order is "first seen" order: it decides cluster ids (a cluster's id is its first
 * member's id) and tie-breaks, so the same input in the same order always gives the same output.
 *
 * Ads in no group of at least `minClusterSize` (default 2) — alone after LSH, or left over by the MDL split — are
 * assigned `null`. Duplicate ids: the first occurrence wins, later ones are ignored.
 */
export function clusterAds(ads: readonly Ad[], options: ClusterOptions = {}): ClusterResult {
  const minSize = Math.max(1, options.minClusterSize ?? 2);
  const index = new LshIndex(options);
  const textOf = new Map<string, string>();
  for (const ad of ads) {
    if (textOf.has(ad.id)) continue;
    textOf.set(ad.id, typeof ad.text === 'string' ? ad.text : '');
    index.add(ad);
  }
  const assignments = new Map<string, string | null>();
  for (const id of textOf.keys()) assignments.set(id, null);
  const clusters: Cluster[] = [];
  for (const [coarseId, members] of index.clusters(minSize <= 1)) {
    if (members.length < minSize) continue;
    if (options.fine === false) {
      clusters.push({ id: coarseId, coarseId, members, template: [], fits: [], quality: { ...EMPTY_QUALITY, members: members.length } });
      continue;
    }
    const split = fineGroups(members.map((id) => textOf.get(id) as string), options);
    for (const g of split.groups) {
      if (g.indices.length < minSize) continue;
      const ids = g.indices.map((k) => members[k] as string);
      clusters.push({ id: ids[0] as string, coarseId, members: ids, template: g.extracted.template, fits: g.extracted.members, quality: g.extracted.quality });
    }
  }
  for (const c of clusters) for (const id of c.members) assignments.set(id, c.id);
  return { clusters, assignments };
}
