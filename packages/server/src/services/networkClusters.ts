// Template clusters in the database: core's MinHash-LSH with its band buckets stored as rows, so a new item joins
// its cluster with a few indexed look-ups and nothing already stored is recomputed.
import { adSketch, COARSE_DEFAULTS, decodeSignature, encodeSignature, extractTemplate, sketchSimilarity, type TemplatePart } from '@centinela/core';
import type { Db } from '../db/database.js';

/** Bucket rows read per insert, and candidates verified (most shared bands first): bounds the time of a million
 * near-copies, like LshIndex's maxBucketScan. */
const MAX_BUCKET_ROWS = 5000;
const MAX_CANDIDATES = 200;
/** Members the template is induced from (core's fine-stage sample). */
export const TEMPLATE_SAMPLE = 40;
/** Members whose ids are read to pick an evenly spaced sample. */
const SAMPLE_WINDOW = 4000;

/**
 * The text an item is clustered on: its body (titles vary more than the template under them), or the title when
 * there is no body. Slot spans of the cluster view index this string.
 */
export function clusterText(item: { title: string | null; text: string }): string {
  return item.text.trim() !== '' ? item.text : (item.title ?? '');
}

const min = (ids: Iterable<string>): string => [...ids].reduce((a, b) => (b < a ? b : a));

/** Puts an item into its template cluster (idempotent). Returns its cluster id and the ids of the clusters it merged. */
export async function clusterItem(db: Db, item: { id: string; title: string | null; text: string }, now: string): Promise<{ clusterId: string; merged: string[] }> {
  const existing = await db.selectFrom('cluster_sketch').select('cluster_id').where('item_id', '=', item.id).executeTakeFirst();
  if (existing) return { clusterId: existing.cluster_id, merged: [] };
  const sketch = adSketch(clusterText(item));
  if (sketch === null) {
    await db.insertInto('cluster_sketch').values({ item_id: item.id, cluster_id: item.id, signature: null, whole: null }).execute();
    return { clusterId: item.id, merged: [] };
  }
  const signature = encodeSignature(sketch.signature);
  const whole = sketch.whole | 0;
  const joined = new Set<string>();
  const twin = await db.selectFrom('cluster_sketch').select('cluster_id').where('whole', '=', whole).where('signature', '=', signature).limit(1).executeTakeFirst();
  if (twin) {
    // An exact duplicate relates to everyone as its twin does: join it and add no buckets (a million copies cost one set).
    joined.add(twin.cluster_id);
  } else {
    const bands = [...new Set(sketch.bands.map((b) => b | 0))];
    // Candidates: items sharing a band, most shared bands first (the likeliest to verify); the bucket rows read
    // and the signatures compared are both bounded, so a bucket of a million near-copies costs the same.
    const shared = await db
      .selectFrom((eb) => eb.selectFrom('cluster_band').select('item_id').where('band_key', 'in', bands).limit(MAX_BUCKET_ROWS).as('b'))
      .select(['b.item_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('b.item_id')
      .orderBy('n', 'desc')
      .orderBy('b.item_id')
      .limit(MAX_CANDIDATES)
      .execute();
    const ids = shared.map((r) => r.item_id);
    const rows = ids.length === 0 ? [] : await db.selectFrom('cluster_sketch').select(['item_id', 'cluster_id', 'signature']).where('item_id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.item_id, r]));
    for (const id of ids) {
      const c = byId.get(id);
      if (!c || c.signature === null || joined.has(c.cluster_id)) continue;
      if (sketchSimilarity(sketch.signature, decodeSignature(c.signature)) >= COARSE_DEFAULTS.threshold) joined.add(c.cluster_id);
    }
    await db.insertInto('cluster_band').values(bands.map((band_key) => ({ band_key, item_id: item.id }))).execute();
  }
  // The smallest id (UUIDv7: the oldest item) names the cluster, whatever order items are processed in.
  const clusterId = min([item.id, ...joined]);
  await db.insertInto('cluster_sketch').values({ item_id: item.id, cluster_id: clusterId, signature, whole }).execute();
  const merged = [...joined].filter((id) => id !== clusterId);
  if (merged.length > 0) {
    await db.updateTable('cluster_sketch').set({ cluster_id: clusterId }).where('cluster_id', 'in', merged).execute();
    await db.deleteFrom('template_cluster').where('id', 'in', merged).execute();
  }
  const size = await clusterSize(db, clusterId);
  // A template is stable once a cluster has a few members: re-induce it when the size doubles (or clusters merge),
  // and only count the new member otherwise. The cluster view aligns its sample afresh anyway.
  if (size <= 4 || (size & (size - 1)) === 0 || merged.length > 0) await refreshTemplate(db, clusterId, now);
  else await db.updateTable('template_cluster').set({ size, updated_at: now }).where('id', '=', clusterId).execute();
  return { clusterId, merged };
}

export async function clusterSize(db: Db, clusterId: string): Promise<number> {
  const row = await db.selectFrom('cluster_sketch').select((eb) => eb.fn.countAll<number>().as('n')).where('cluster_id', '=', clusterId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Evenly spaced members (by id, i.e. over the cluster's history), deterministic for a given membership. */
export async function clusterSample(db: Db, clusterId: string, max = TEMPLATE_SAMPLE): Promise<string[]> {
  const ids = (await db.selectFrom('cluster_sketch').select('item_id').where('cluster_id', '=', clusterId).orderBy('item_id').limit(SAMPLE_WINDOW).execute()).map((r) => r.item_id);
  if (ids.length <= max) return ids;
  return Array.from({ length: max }, (_, i) => ids[Math.floor((i * ids.length) / max)] as string);
}

/** Texts of items in the given order. */
export async function itemTexts(db: Db, ids: readonly string[]): Promise<Array<{ id: string; title: string | null; text: string }>> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('item').select(['id', 'title', 'text']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
}

/** Recomputes and stores a cluster's template (fine stage over a sample); removes it when the cluster is a singleton. */
export async function refreshTemplate(db: Db, clusterId: string, now: string): Promise<void> {
  const size = await clusterSize(db, clusterId);
  if (size < 2) {
    await db.deleteFrom('template_cluster').where('id', '=', clusterId).execute();
    return;
  }
  const members = await itemTexts(db, await clusterSample(db, clusterId));
  const extracted = extractTemplate(members.map(clusterText), { maxSample: TEMPLATE_SAMPLE });
  const row = { size, template: JSON.stringify(extracted.template satisfies TemplatePart[]), quality: JSON.stringify(extracted.quality), updated_at: now };
  await db
    .insertInto('template_cluster')
    .values({ id: clusterId, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}
