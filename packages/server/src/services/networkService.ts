// The link graph: items ↔ entities (phones, e-mails, wallets, handles, image hashes) and their template cluster; its
// connected components, hubs excluded, are networks. `updateNetworksForItem` joins one analysed item incrementally
// (its template cluster, its links, the components around it, the risk signals of the items whose network
// changed); `rebuildNetworks` recomputes everything from the items.
import {
  applyNetworkSignals,
  DEFAULT_HUB_LIMITS,
  DEFAULT_RISK_CONFIG,
  extractNames,
  hammingDistance,
  hubReason,
  lookupCity,
  movementTimeline,
  PDQ_LINK_DISTANCE,
  pdqProbeKeys,
  pdqStoreKeys,
  postingCadence,
  type BreakdownEntry,
  type Cadence,
  type EntitySignals,
  type HubLimits,
  type HubReason,
  type Stop,
} from '@centinela/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { JobQueue } from '../jobs/queue.js';
import { isoNow } from './clock.js';
import { appendAudit } from './auditService.js';
import { inTransaction, systemActor, type Actor, type ServiceDeps } from './deps.js';
import { analysisText, currentAnalysisVersion, type StoredAnalysis } from './itemAnalysis.js';
import { clusterItem, clusterSize } from './networkClusters.js';

export const NETWORK_UPDATE_TASK = 'networks.updateForItem';
export const NETWORK_REBUILD_TASK = 'networks.rebuild';

/** Entity types that link items (URLs do not: everyone links the same sites). */
export const LINK_ENTITY_TYPES = ['phone', 'email', 'wallet', 'handle'] as const;
/** Items one incremental update walks at most; a bigger component is finished by the next rebuild. */
export const MAX_COMPONENT_ITEMS = 20_000;
/** Items whose risk signals one update re-applies at most. */
const MAX_RESCORE = 1000;
const CHUNK = 500;

/** Queues the network update of an analysed item: once per item and analysis version. */
export async function queueNetworkUpdate(queue: JobQueue, deps: Pick<ServiceDeps, 'config'>, itemId: string): Promise<void> {
  await queue.enqueue(NETWORK_UPDATE_TASK, { itemId }, { jobKey: `${NETWORK_UPDATE_TASK}:${itemId}:${currentAnalysisVersion(deps)}` });
}

export interface NetworkSummary {
  sites: Array<{ site: string; items: number }>;
  names: string[];
  cities: Array<{ cityId: string; items: number }>;
  entities: Array<{ type: string; value: string; items: number }>;
  clusters: Array<{ id: string; items: number }>;
  cadence: Cadence;
  timeline: Stop[];
  /** True when the component was larger than one update walks (MAX_COMPONENT_ITEMS). */
  truncated: boolean;
}

export type NetworkUpdateOutcome = 'updated' | 'not-analysed' | 'missing';

/**
 * Image hashes among an item's media refs: `sha256:<hex>` or a bare 64-hex blob hash (exact), and `pdq:<hex>`
 * (perceptual: linked within distance 31, see `canonicalPdq`).
 */
export function imageKeys(mediaRefs: string): { sha256: string[]; pdq: string[] } {
  let refs: unknown;
  try {
    refs = JSON.parse(mediaRefs);
  } catch {
    return { sha256: [], pdq: [] };
  }
  const sha256 = new Set<string>();
  const pdq = new Set<string>();
  if (!Array.isArray(refs)) return { sha256: [], pdq: [] };
  for (const r of refs.slice(0, 1000)) {
    if (typeof r !== 'string') continue;
    const m = /^(sha256:|pdq:)?([0-9a-f]{64})$/i.exec(r.trim());
    if (!m) continue;
    if (m[1]?.toLowerCase() === 'pdq:') pdq.add((m[2] as string).toLowerCase());
    else sha256.add(`sha256:${(m[2] as string).toLowerCase()}`);
  }
  return { sha256: [...sha256], pdq: [...pdq] };
}

/**
 * The hash a PDQ hash links under: the canonical hash of the closest stored hash within PDQ_LINK_DISTANCE (ties:
 * the smallest canonical), else itself. Stores the hash under its multi-index keys. Near matches are linked to the
 * first image they resemble, so a slow drift of edits is not chained into one image.
 */
export async function canonicalPdq(db: Db, hex: string): Promise<string> {
  const known = await db.selectFrom('network_pdq').select('canonical').where('key', '=', pdqStoreKeys(hex)[0]!).where('hash', '=', hex).executeTakeFirst();
  if (known) return known.canonical;
  const candidates = await db.selectFrom('network_pdq').select(['hash', 'canonical']).where('key', 'in', pdqProbeKeys(hex)).distinct().limit(5000).execute();
  let best: { d: number; canonical: string } | null = null;
  for (const c of candidates) {
    const d = hammingDistance(hex, c.hash);
    if (d > PDQ_LINK_DISTANCE) continue;
    if (!best || d < best.d || (d === best.d && c.canonical < best.canonical)) best = { d, canonical: c.canonical };
  }
  const canonical = best?.canonical ?? hex;
  await db.insertInto('network_pdq').values(pdqStoreKeys(hex).map((key) => ({ key, hash: hex, canonical }))).execute();
  return canonical;
}

const keyOf = (type: string, value: string) => `${type}\u0000${value}`;
const splitKey = (key: string) => key.split('\u0000') as [string, string];

/** Serialises network updates: a PostgreSQL advisory lock (SQLite transactions are serial already). */
async function lockGraph(deps: ServiceDeps): Promise<void> {
  if (deps.config.databaseUrl) await sql`select pg_advisory_xact_lock(515005)`.execute(deps.db);
}

/**
 * Joins one analysed item to its template cluster and network, and refreshes the risk signals of the items whose
 * network changed. Idempotent; one transaction.
 */
export interface NetworkOptions {
  /** When an entity counts as a hub (default core DEFAULT_HUB_LIMITS). */
  hubLimits?: HubLimits;
  /** Rebuild only: network rows and risk signals are written once at the end instead of after every item. */
  deferred?: { networks: Map<string, boolean> };
  /** Receives the ids of the items whose score the update re-applied (the item itself included). */
  rescored?: string[];
}

export async function updateNetworksForItem(deps: ServiceDeps, itemId: string, options: NetworkOptions = {}): Promise<NetworkUpdateOutcome> {
  return inTransaction(deps, async (tx) => {
    await lockGraph(tx);
    const item = await tx.db
      .selectFrom('item')
      .select(['id', 'title', 'text', 'site', 'location_text', 'region', 'posted_at', 'captured_at', 'media_refs', 'analysed_at'])
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (!item) return 'missing';
    if (item.analysed_at === null) return 'not-analysed';
    const now = isoNow(tx.clock);
    const { clusterId, merged } = await clusterItem(tx.db, item, now);
    if (merged.length > 0) await retargetTemplateLinks(tx.db, merged, clusterId);
    const newHubs = await linkItem(tx, item, clusterId, now, options.hubLimits ?? DEFAULT_HUB_LIMITS);
    const hubs = await loadHubs(tx.db);
    const unlinked = await itemsOfEntities(tx.db, newHubs);
    await recomputeComponents(tx, [itemId, ...unlinked], hubs, now, options.deferred?.networks);
    if (!options.deferred) {
      const rescored = await refreshSignals(tx, itemId, unlinked, hubs);
      options.rescored?.push(...rescored);
    }
    return 'updated';
  });
}

/**
 * Clusters that merged into `clusterId` link their items under it from now on; a merged cluster's hub verdict is
 * dropped (the merged cluster is judged afresh when the item is linked).
 */
async function retargetTemplateLinks(db: Db, merged: readonly string[], clusterId: string): Promise<void> {
  await db.updateTable('network_link').set({ value: clusterId }).where('type', '=', 'template').where('value', 'in', [...merged]).execute();
  await db.deleteFrom('network_hub').where('type', '=', 'template').where('value', 'in', [...merged]).execute();
}

/** Writes an item's links (its entities and its template cluster) and network facts; returns the entities that just became hubs. */
async function linkItem(deps: ServiceDeps, item: ItemRow, clusterId: string, now: string, limits: HubLimits): Promise<string[]> {
  const { db } = deps;
  const entities = await db.selectFrom('item_entity').select(['type', 'normalized']).where('item_id', '=', item.id).where('type', 'in', [...LINK_ENTITY_TYPES]).execute();
  const keys = new Set(entities.map((e) => keyOf(e.type, e.normalized)));
  keys.add(keyOf('template', clusterId));
  const images = imageKeys(item.media_refs);
  for (const k of images.sha256) keys.add(keyOf('image', k));
  for (const hex of images.pdq) keys.add(keyOf('image', `pdq:${await canonicalPdq(db, hex)}`));
  await db.deleteFrom('network_link').where('item_id', '=', item.id).execute();
  const rows = [...keys].map((k) => {
    const [type, value] = splitKey(k);
    return { type, value, item_id: item.id };
  });
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('network_link').values(rows.slice(i, i + CHUNK)).execute();

  const facts = itemFacts(item);
  await db
    .insertInto('network_item')
    .values({ item_id: item.id, network_id: item.id, ...facts, signals: '{}' })
    .onConflict((oc) => oc.column('item_id').doUpdateSet(facts))
    .execute();

  const newHubs: string[] = [];
  for (const row of rows) {
    const known = await db.selectFrom('network_hub').select('reason').where('type', '=', row.type).where('value', '=', row.value).executeTakeFirst();
    if (known) continue;
    const counts = await db
      .selectFrom('network_link')
      .innerJoin('item', 'item.id', 'network_link.item_id')
      .select((eb) => [eb.fn.countAll<number>().as('items'), eb.fn.count<number>('item.site').distinct().as('sites')])
      .where('network_link.type', '=', row.type)
      .where('network_link.value', '=', row.value)
      .executeTakeFirstOrThrow();
    const c = { items: Number(counts.items), sites: Number(counts.sites) };
    const reason = hubReason(row.type, row.value, c, limits);
    if (reason === null) continue;
    await db.insertInto('network_hub').values({ type: row.type, value: row.value, reason, item_count: c.items, site_count: c.sites, detected_at: now }).execute();
    newHubs.push(keyOf(row.type, row.value));
  }
  return newHubs;
}

interface ItemRow {
  id: string;
  title: string | null;
  text: string;
  site: string | null;
  location_text: string | null;
  region: string | null;
  posted_at: string | null;
  captured_at: string;
  media_refs: string;
}

function itemFacts(item: ItemRow): { city_id: string | null; names: string; seen_at: string; site: string | null } {
  const city = lookupCity(item.location_text, { country: item.region });
  return { city_id: city?.id ?? null, names: JSON.stringify(extractNames(analysisText(item).text)), seen_at: item.posted_at ?? item.captured_at, site: item.site };
}

async function loadHubs(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom('network_hub').select(['type', 'value']).execute()).map((h) => keyOf(h.type, h.value)));
}

async function itemsOfEntities(db: Db, keys: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const k of keys) {
    const [type, value] = splitKey(k);
    out.push(...(await db.selectFrom('network_link').select('item_id').where('type', '=', type).where('value', '=', value).limit(MAX_COMPONENT_ITEMS).execute()).map((r) => r.item_id));
  }
  return out;
}

/**
 * Recomputes the components containing `seeds` (walking links, hubs excluded) and every component that shared a
 * network id with them before (a new hub can split a network). Network id = smallest member item id. Returns the
 * items whose network changed.
 */
async function recomputeComponents(deps: ServiceDeps, seeds: readonly string[], hubs: Set<string>, now: string, defer?: Map<string, boolean>): Promise<string[]> {
  const { db } = deps;
  const done = new Set<string>();
  const pending = [...seeds];
  const changed: string[] = [];
  // Every network id seen (new and old) is rewritten once at the end, when all memberships are settled.
  const touched = new Map<string, boolean>();
  while (pending.length > 0) {
    const seed = pending.pop() as string;
    if (done.has(seed)) continue;
    const { items, truncated } = await walkComponent(db, seed, hubs);
    for (const id of items) done.add(id);
    const networkId = [...items].reduce((a, b) => (b < a ? b : a));
    const ids = [...items];
    const before = new Map<string, string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const r of await db.selectFrom('network_item').select(['item_id', 'network_id']).where('item_id', 'in', ids.slice(i, i + CHUNK)).execute()) before.set(r.item_id, r.network_id);
    }
    const moved = ids.filter((id) => before.has(id) && before.get(id) !== networkId);
    for (let i = 0; i < moved.length; i += CHUNK) await db.updateTable('network_item').set({ network_id: networkId }).where('item_id', 'in', moved.slice(i, i + CHUNK)).execute();
    changed.push(...moved);
    touched.set(networkId, (touched.get(networkId) ?? false) || truncated);
    for (const old of new Set([...before.values(), networkId])) {
      if (!touched.has(old)) touched.set(old, false);
      // Members of a network this component did not reach (a hub split it) form components of their own.
      const rest = await db.selectFrom('network_item').select('item_id').where('network_id', '=', old).limit(MAX_COMPONENT_ITEMS).execute();
      for (const r of rest) if (!done.has(r.item_id)) pending.push(r.item_id);
    }
  }
  for (const [id, truncated] of touched) {
    if (defer) defer.set(id, (defer.get(id) ?? false) || truncated);
    else await writeNetwork(db, id, truncated, now);
  }
  return changed;
}

/** Breadth-first walk over non-hub links from one item. */
async function walkComponent(db: Db, seed: string, hubs: Set<string>): Promise<{ items: Set<string>; truncated: boolean }> {
  const items = new Set<string>([seed]);
  const seenKeys = new Set<string>();
  let frontier = [seed];
  let truncated = false;
  while (frontier.length > 0) {
    const next: string[] = [];
    const keys: Array<[string, string]> = [];
    for (let i = 0; i < frontier.length; i += CHUNK) {
      const links = await db.selectFrom('network_link').select(['type', 'value']).where('item_id', 'in', frontier.slice(i, i + CHUNK)).execute();
      for (const l of links) {
        const k = keyOf(l.type, l.value);
        if (hubs.has(k) || seenKeys.has(k)) continue;
        seenKeys.add(k);
        keys.push([l.type, l.value]);
      }
    }
    const byType = new Map<string, string[]>();
    for (const [t, v] of keys) byType.set(t, [...(byType.get(t) ?? []), v]);
    for (const [type, values] of byType) {
      for (let i = 0; i < values.length; i += CHUNK) {
        const rows = await db.selectFrom('network_link').select('item_id').where('type', '=', type).where('value', 'in', values.slice(i, i + CHUNK)).execute();
        for (const r of rows) {
          if (items.has(r.item_id)) continue;
          if (items.size >= MAX_COMPONENT_ITEMS) {
            truncated = true;
            continue;
          }
          items.add(r.item_id);
          next.push(r.item_id);
        }
      }
    }
    frontier = next;
  }
  return { items, truncated };
}

/** Recomputes a network's row from its members. */
async function writeNetwork(db: Db, networkId: string, truncated: boolean, now: string): Promise<void> {
  const members = await db.selectFrom('network_item').select(['item_id', 'city_id', 'names', 'seen_at', 'site']).where('network_id', '=', networkId).execute();
  if (members.length === 0) {
    await db.deleteFrom('network').where('id', '=', networkId).execute();
    return;
  }
  const ids = members.map((m) => m.item_id);
  const hubs = await loadHubs(db);
  const entityCounts = new Map<string, number>();
  const clusterCounts = new Map<string, number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    for (const l of await db.selectFrom('network_link').select(['type', 'value']).where('item_id', 'in', chunk).execute()) {
      const k = keyOf(l.type, l.value);
      // Templates are listed as clusters, not entities.
      if (l.type !== 'template' && !hubs.has(k)) entityCounts.set(k, (entityCounts.get(k) ?? 0) + 1);
    }
    for (const c of await db.selectFrom('cluster_sketch').select('cluster_id').where('item_id', 'in', chunk).execute()) clusterCounts.set(c.cluster_id, (clusterCounts.get(c.cluster_id) ?? 0) + 1);
  }
  const count = <T extends string>(xs: Array<T | null>) => {
    const m = new Map<T, number>();
    for (const x of xs) if (x !== null) m.set(x, (m.get(x) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const names = new Set<string>();
  for (const m of members) for (const n of JSON.parse(m.names) as string[]) names.add(n);
  const cadence = postingCadence(members.map((m) => m.seen_at));
  const summary: NetworkSummary = {
    sites: count(members.map((m) => m.site)).map(([site, items]) => ({ site, items })),
    names: [...names].sort(),
    cities: count(members.map((m) => m.city_id)).map(([cityId, items]) => ({ cityId, items })),
    entities: [...entityCounts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 500)
      .map(([k, items]) => {
        const [type, value] = splitKey(k);
        return { type, value, items };
      }),
    clusters: [...clusterCounts].filter(([, n]) => n >= 2).map(([id, items]) => ({ id, items })),
    cadence,
    timeline: movementTimeline(members.map((m) => ({ itemId: m.item_id, at: m.seen_at, cityId: m.city_id }))),
    truncated,
  };
  const row = {
    item_count: members.length,
    entity_count: entityCounts.size,
    site_count: summary.sites.length,
    city_count: summary.cities.length,
    name_count: summary.names.length,
    first_seen: cadence.firstSeen,
    last_seen: cadence.lastSeen,
    summary: JSON.stringify(summary),
    updated_at: now,
  };
  await db
    .insertInto('network')
    .values({ id: networkId, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/**
 * A template cluster's size is kept to powers of two (2, 4, 8…: "at least n"), so a new ad re-scores the other
 * ads of a big template only when the size crosses the next power, not every time. (Phone groups stay exact: the
 * hub limit keeps them small.)
 */
export function countBucket(n: number): number {
  return n <= 1 ? n : 2 ** Math.floor(Math.log2(n));
}

interface PhoneStats {
  adsSharingPhone: number;
  citiesSharingPhone: number;
  namesSharingPhone: number;
}

async function phoneStats(db: Db, phone: string, cache: Map<string, PhoneStats>): Promise<PhoneStats> {
  const known = cache.get(phone);
  if (known) return known;
  const rows = await db
    .selectFrom('network_link')
    .innerJoin('network_item', 'network_item.item_id', 'network_link.item_id')
    .select(['network_item.city_id', 'network_item.names'])
    .where('network_link.type', '=', 'phone')
    .where('network_link.value', '=', phone)
    .limit(MAX_COMPONENT_ITEMS)
    .execute();
  const cities = new Set(rows.map((r) => r.city_id).filter((c) => c !== null));
  const names = new Set(rows.flatMap((r) => JSON.parse(r.names) as string[]));
  const stats = { adsSharingPhone: rows.length, citiesSharingPhone: cities.size, namesSharingPhone: names.size };
  cache.set(phone, stats);
  return stats;
}

/**
 * The link-graph signals of one item: the most-shared of its non-hub phones (ads, cities
 * and names of the ads carrying it) and the size of its template cluster (a power of two).
 */
export async function itemSignals(db: Db, itemId: string, hubs: Set<string>, cache = new Map<string, PhoneStats>(), sizes = new Map<string, number>()): Promise<EntitySignals> {
  const phones = (await db.selectFrom('network_link').select('value').where('item_id', '=', itemId).where('type', '=', 'phone').execute())
    .map((p) => p.value)
    .filter((v) => !hubs.has(keyOf('phone', v)));
  const signals: EntitySignals = {};
  for (const phone of phones) {
    const st = await phoneStats(db, phone, cache);
    signals.adsSharingPhone = Math.max(signals.adsSharingPhone ?? 0, st.adsSharingPhone);
    signals.citiesSharingPhone = Math.max(signals.citiesSharingPhone ?? 0, st.citiesSharingPhone);
    signals.namesSharingPhone = Math.max(signals.namesSharingPhone ?? 0, st.namesSharingPhone);
  }
  const cluster = await db.selectFrom('cluster_sketch').select('cluster_id').where('item_id', '=', itemId).executeTakeFirst();
  if (cluster) {
    let size = sizes.get(cluster.cluster_id);
    if (size === undefined) sizes.set(cluster.cluster_id, (size = countBucket(await clusterSize(db, cluster.cluster_id))));
    signals.templatedClusterSize = size;
  }
  return signals;
}

const sameSignals = (a: EntitySignals, b: EntitySignals): boolean =>
  (a.adsSharingPhone ?? 0) === (b.adsSharingPhone ?? 0) &&
  (a.citiesSharingPhone ?? 0) === (b.citiesSharingPhone ?? 0) &&
  (a.namesSharingPhone ?? 0) === (b.namesSharingPhone ?? 0) &&
  (a.templatedClusterSize ?? 0) === (b.templatedClusterSize ?? 0);

/**
 * Re-applies the network terms of the risk score (core `applyNetworkSignals`): always to the new item; to the
 * other ads of its phones and of its template only when their group's figures changed (checked on one member
 * of each group), up to MAX_RESCORE items. A new hub re-scores the ads it no longer links (`extra`).
 */
async function refreshSignals(deps: ServiceDeps, itemId: string, extra: readonly string[], hubs: Set<string>): Promise<string[]> {
  const { db } = deps;
  const cache = new Map<string, PhoneStats>();
  const sizes = new Map<string, number>();
  const affected = new Set<string>([itemId, ...extra.slice(0, MAX_RESCORE)]);
  const storedSignals = async (id: string): Promise<EntitySignals | null> => {
    const row = await db.selectFrom('network_item').select('signals').where('item_id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.signals) as EntitySignals) : null;
  };
  const phones = (await db.selectFrom('network_link').select('value').where('item_id', '=', itemId).where('type', '=', 'phone').execute()).map((p) => p.value).filter((v) => !hubs.has(keyOf('phone', v)));
  for (const phone of phones) {
    const st = await phoneStats(db, phone, cache);
    const other = await db.selectFrom('network_link').select('item_id').where('type', '=', 'phone').where('value', '=', phone).where('item_id', '!=', itemId).limit(1).executeTakeFirst();
    const seen = other ? await storedSignals(other.item_id) : null;
    if (!other || (seen && (seen.adsSharingPhone ?? 0) >= st.adsSharingPhone && (seen.citiesSharingPhone ?? 0) >= st.citiesSharingPhone && (seen.namesSharingPhone ?? 0) >= st.namesSharingPhone)) continue;
    for (const r of await db.selectFrom('network_link').select('item_id').where('type', '=', 'phone').where('value', '=', phone).limit(MAX_RESCORE).execute()) affected.add(r.item_id);
  }
  const cluster = await db.selectFrom('cluster_sketch').select('cluster_id').where('item_id', '=', itemId).executeTakeFirst();
  if (cluster) {
    const size = countBucket(await clusterSize(db, cluster.cluster_id));
    sizes.set(cluster.cluster_id, size);
    const other = await db.selectFrom('cluster_sketch').select('item_id').where('cluster_id', '=', cluster.cluster_id).where('item_id', '!=', itemId).limit(1).executeTakeFirst();
    const seen = other ? await storedSignals(other.item_id) : null;
    if (other && (seen?.templatedClusterSize ?? 0) !== size) {
      for (const r of await db.selectFrom('cluster_sketch').select('item_id').where('cluster_id', '=', cluster.cluster_id).limit(MAX_RESCORE).execute()) affected.add(r.item_id);
    }
  }
  const rescored: string[] = [];
  for (const id of [...affected].slice(0, MAX_RESCORE)) {
    const item = await db.selectFrom('item').select(['risk_breakdown']).where('id', '=', id).executeTakeFirst();
    if (!item?.risk_breakdown) continue;
    const signals = await itemSignals(db, id, hubs, cache, sizes);
    if (id !== itemId) {
      const before = await storedSignals(id);
      if (before && sameSignals(before, signals)) continue;
    }
    await applySignals(deps, id, signals, item.risk_breakdown);
    rescored.push(id);
  }
  return rescored;
}

/** Re-applies an item's network terms to its stored breakdown and score, and remembers the signals applied. */
async function applySignals(deps: ServiceDeps, id: string, signals: EntitySignals, breakdown?: string | null): Promise<void> {
  const { db } = deps;
  const text = breakdown !== undefined ? breakdown : (await db.selectFrom('item').select('risk_breakdown').where('id', '=', id).executeTakeFirst())?.risk_breakdown;
  if (!text) return;
  const stored = JSON.parse(text) as StoredAnalysis;
  const applied = applyNetworkSignals(stored.breakdown as BreakdownEntry[], signals, deps.config.riskConfig ?? DEFAULT_RISK_CONFIG);
  const next: StoredAnalysis = { ...stored, breakdown: applied.breakdown };
  await db.updateTable('item').set({ risk_score: applied.score, risk_breakdown: JSON.stringify(next) }).where('id', '=', id).execute();
  await db.updateTable('network_item').set({ signals: JSON.stringify(signals) }).where('item_id', '=', id).execute();
}

export interface RebuildResult {
  items: number;
  clusters: number;
  networks: number;
  hubs: number;
}

/**
 * The full rebuild (nightly, or after changing the hub limits): clears clusters and networks and joins every
 * analysed item again in id order (oldest first). Pages through the items, so memory stays flat.
 */
export async function rebuildNetworks(deps: ServiceDeps, actor: Actor = systemActor, options: NetworkOptions = {}, pageSize = CHUNK): Promise<RebuildResult> {
  await inTransaction(deps, async (tx) => {
    await lockGraph(tx);
    for (const t of ['network_pdq', 'network_hub', 'network_link', 'network_item', 'network', 'template_cluster', 'cluster_band', 'cluster_sketch'] as const) await tx.db.deleteFrom(t).execute();
  });
  let after = '';
  let items = 0;
  const deferred = { networks: new Map<string, boolean>() };
  for (;;) {
    const page = await deps.db.selectFrom('item').select('id').where('id', '>', after).where('analysed_at', 'is not', null).orderBy('id').limit(pageSize).execute();
    if (page.length === 0) break;
    // One transaction per page: the same incremental steps, without a commit (and its fsync) per item.
    await inTransaction(deps, async (tx) => {
      for (const { id } of page) {
        await updateNetworksForItem(tx, id, { ...options, deferred });
        items++;
      }
    });
    after = page[page.length - 1]!.id;
  }
  // Network rows once each, then every item's risk signals once, from the final graph.
  const now = isoNow(deps.clock);
  const ids = [...deferred.networks];
  for (let i = 0; i < ids.length; i += pageSize) {
    await inTransaction(deps, async (tx) => {
      for (const [id, truncated] of ids.slice(i, i + pageSize)) await writeNetwork(tx.db, id, truncated, now);
    });
  }
  const hubs = await loadHubs(deps.db);
  const cache = new Map<string, PhoneStats>();
  const sizes = new Map<string, number>();
  after = '';
  for (;;) {
    const page = await deps.db.selectFrom('network_item').select('item_id').where('item_id', '>', after).orderBy('item_id').limit(pageSize).execute();
    if (page.length === 0) break;
    await inTransaction(deps, async (tx) => {
      for (const { item_id } of page) await applySignals(tx, item_id, await itemSignals(tx.db, item_id, hubs, cache, sizes));
    });
    after = page[page.length - 1]!.item_id;
  }
  const n = async (table: 'template_cluster' | 'network_hub') => Number((await deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const networks = Number((await deps.db.selectFrom('network').select((eb) => eb.fn.countAll<number>().as('n')).where('item_count', '>=', 2).executeTakeFirstOrThrow()).n);
  const result = { items, clusters: await n('template_cluster'), networks, hubs: await n('network_hub') };
  // The incremental updates are derived data (like the analysis) and not audited; a whole rebuild is.
  await appendAudit(deps, actor, { action: 'network.rebuild', details: { ...result } });
  return result;
}

export type { HubReason };
