// Audited reads of networks, template clusters and entities: what the API and the network page show.
import { cityById, extractTemplate, lookupCity, type City, type MemberFit, type TemplatePart, type TemplateQuality } from '@centinela/core';
import type { Db } from '../db/database.js';
import { appendAudit } from './auditService.js';
import type { Actor, ServiceDeps } from './deps.js';
import type { AccessReason } from './itemSearch.js';
import { clusterSample, clusterText, itemTexts, TEMPLATE_SAMPLE } from './networkClusters.js';
import type { NetworkSummary } from './networkService.js';
import { notFound, Problem } from './problem.js';

export const NETWORK_SORTS = ['size', 'recent'] as const;
export type NetworkSort = (typeof NETWORK_SORTS)[number];
export const ENTITY_TYPES = ['phone', 'email', 'wallet', 'handle', 'image'] as const;

export interface NetworkQuery {
  minItems: number;
  entityType?: string | undefined;
  entity?: string | undefined;
  site?: string | undefined;
  /** Free text, normalised with the gazetteer ("CDMX" finds Mexico City). */
  city?: string | undefined;
  sort: NetworkSort;
  limit: number;
  offset: number;
}

export interface PlaceView {
  id: string;
  nameEs: string;
  nameEn: string;
  country: string;
  lat: number;
  lon: number;
}

export interface NetworkListEntry {
  id: string;
  itemCount: number;
  entityCount: number;
  siteCount: number;
  cityCount: number;
  nameCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  cities: PlaceView[];
  sites: string[];
}

const place = (c: City): PlaceView => ({ id: c.id, nameEs: c.nameEs, nameEn: c.nameEn, country: c.country, lat: c.lat, lon: c.lon });
const placeOf = (id: string): PlaceView | null => {
  const c = cityById(id);
  return c ? place(c) : null;
};

type NetworkRow = { id: string; item_count: number; entity_count: number; site_count: number; city_count: number; name_count: number; first_seen: string | null; last_seen: string | null; summary: string };

function toListEntry(r: NetworkRow): NetworkListEntry {
  const s = JSON.parse(r.summary) as NetworkSummary;
  return {
    id: r.id,
    itemCount: Number(r.item_count),
    entityCount: Number(r.entity_count),
    siteCount: Number(r.site_count),
    cityCount: Number(r.city_count),
    nameCount: Number(r.name_count),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    cities: s.cities.slice(0, 10).flatMap((c) => placeOf(c.cityId) ?? []),
    sites: s.sites.slice(0, 10).map((x) => x.site),
  };
}

/** Networks matching every filter, biggest (or most recently active) first. Audited with filter names only. */
export async function listNetworks(deps: ServiceDeps, actor: Actor, q: NetworkQuery, reason: AccessReason): Promise<{ networks: NetworkListEntry[]; total: number }> {
  let query = deps.db.selectFrom('network').where('item_count', '>=', q.minItems);
  if (q.entityType !== undefined || q.entity !== undefined) {
    if (!q.entityType || !q.entity) throw new Problem(400, 'network.entity_filter', 'give entityType and entity together');
    const { entityType, entity } = q;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('network_item').innerJoin('network_link', 'network_link.item_id', 'network_item.item_id').select('network_item.network_id').where('network_link.type', '=', entityType).where('network_link.value', '=', entity),
    );
  }
  if (q.site) {
    const site = q.site;
    query = query.where('id', 'in', (eb) => eb.selectFrom('network_item').select('network_id').where('site', '=', site));
  }
  if (q.city) {
    const city = lookupCity(q.city);
    if (!city) throw new Problem(400, 'network.unknown_city', 'the gazetteer knows no city by that name');
    query = query.where('id', 'in', (eb) => eb.selectFrom('network_item').select('network_id').where('city_id', '=', city.id));
  }
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await query
    .selectAll()
    .orderBy(q.sort === 'size' ? 'item_count' : 'last_seen', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const networks = rows.map(toListEntry);
  const filters = (['entityType', 'site', 'city'] as const).filter((k) => q[k] !== undefined);
  await appendAudit(deps, actor, {
    action: 'network.search',
    purpose: reason.purpose ?? null,
    legalBasis: reason.legalBasis ?? null,
    details: { filters: [...filters], ...(q.entityType ? { entityType: q.entityType } : {}), sort: q.sort, results: networks.length },
  });
  return { networks, total };
}

export interface NetworkItemView {
  id: string;
  title: string | null;
  site: string | null;
  url: string | null;
  seenAt: string;
  city: PlaceView | null;
  locationText: string | null;
  names: string[];
  riskScore: number | null;
  clusterId: string | null;
}

export interface NetworkDetail extends NetworkListEntry {
  names: string[];
  sitesDetail: Array<{ site: string; items: number }>;
  citiesDetail: Array<{ city: PlaceView; items: number }>;
  entities: Array<{ type: string; value: string; items: number }>;
  clusters: Array<{ id: string; items: number }>;
  cadence: NetworkSummary['cadence'];
  timeline: Array<{ city: PlaceView; from: string; to: string; items: string[] }>;
  items: NetworkItemView[];
  /** Hub entities some member carries: listed, and excluded from linking, with the reason. */
  excludedHubs: Array<{ type: string; value: string; reason: string; itemCount: number; siteCount: number }>;
  graph: { nodes: Array<{ id: string; kind: 'item' | 'entity'; type: string; label: string }>; edges: Array<{ source: string; target: string }> };
  truncated: boolean;
}

/** Members shown (and drawn) at most; the counts cover every member. */
export const NETWORK_ITEMS_SHOWN = 500;

async function loadNetwork(db: Db, id: string): Promise<NetworkDetail> {
  const row = await db.selectFrom('network').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('network');
  const summary = JSON.parse(row.summary) as NetworkSummary;
  const members = await db
    .selectFrom('network_item')
    .innerJoin('item', 'item.id', 'network_item.item_id')
    .leftJoin('cluster_sketch', 'cluster_sketch.item_id', 'network_item.item_id')
    .select(['item.id', 'item.title', 'item.site', 'item.url', 'item.location_text', 'item.risk_score', 'network_item.seen_at', 'network_item.city_id', 'network_item.names', 'cluster_sketch.cluster_id'])
    .where('network_item.network_id', '=', id)
    .orderBy('network_item.seen_at')
    .orderBy('item.id')
    .limit(NETWORK_ITEMS_SHOWN)
    .execute();
  const templated = new Set(summary.clusters.map((c) => c.id));
  const items: NetworkItemView[] = members.map((m) => ({
    id: m.id,
    title: m.title,
    site: m.site,
    url: m.url === '' ? null : m.url,
    seenAt: m.seen_at,
    city: m.city_id ? placeOf(m.city_id) : null,
    locationText: m.location_text,
    names: JSON.parse(m.names) as string[],
    riskScore: m.risk_score,
    clusterId: m.cluster_id && templated.has(m.cluster_id) ? m.cluster_id : null,
  }));
  const ids = items.map((i) => i.id);
  const links = ids.length === 0 ? [] : await db.selectFrom('network_link').select(['type', 'value', 'item_id']).where('item_id', 'in', ids).execute();
  const hubRows = await db.selectFrom('network_hub').selectAll().execute();
  const hubKeys = new Map(hubRows.map((h) => [`${h.type}\u0000${h.value}`, h]));
  const excluded = new Map<string, (typeof hubRows)[number]>();
  const nodes: NetworkDetail['graph']['nodes'] = items.map((i) => ({ id: `item:${i.id}`, kind: 'item', type: 'item', label: i.title ?? i.id.slice(0, 8) }));
  const edges: NetworkDetail['graph']['edges'] = [];
  const entityNodes = new Set<string>();
  const clusterSizes = new Map(summary.clusters.map((c) => [c.id, c.items]));
  for (const l of links) {
    const key = `${l.type}\u0000${l.value}`;
    const hub = hubKeys.get(key);
    if (hub) {
      excluded.set(key, hub);
      continue;
    }
    // A template node only where two or more of these ads share it (every ad has a cluster, most of one).
    if (l.type === 'template' && !templated.has(l.value)) continue;
    const nodeId = `${l.type}:${l.value}`;
    if (!entityNodes.has(nodeId)) {
      entityNodes.add(nodeId);
      const label = l.type === 'image' ? `${l.value.slice(0, 15)}…` : l.type === 'template' ? `×${clusterSizes.get(l.value) ?? 0}` : l.value;
      nodes.push({ id: nodeId, kind: 'entity', type: l.type, label });
    }
    edges.push({ source: `item:${l.item_id}`, target: nodeId });
  }
  const list = toListEntry(row);
  return {
    ...list,
    names: summary.names,
    sitesDetail: summary.sites,
    citiesDetail: summary.cities.flatMap((c) => {
      const city = placeOf(c.cityId);
      return city ? [{ city, items: c.items }] : [];
    }),
    entities: summary.entities,
    clusters: summary.clusters,
    cadence: summary.cadence,
    timeline: summary.timeline.flatMap((s) => {
      const city = placeOf(s.cityId);
      return city ? [{ city, from: s.from, to: s.to, items: s.items }] : [];
    }),
    items,
    excludedHubs: [...excluded.values()].map((h) => ({ type: h.type, value: h.value, reason: h.reason, itemCount: Number(h.item_count), siteCount: Number(h.site_count) })),
    graph: { nodes, edges },
    truncated: summary.truncated || Number(row.item_count) > items.length,
  };
}

/** One network with its items, entities, timeline and graph. A sensitive read: audited with its purpose. */
export async function readNetwork(deps: ServiceDeps, actor: Actor, id: string, reason: AccessReason, action = 'network.read'): Promise<NetworkDetail> {
  const detail = await loadNetwork(deps.db, id);
  await appendAudit(deps, actor, {
    action,
    target: { type: 'network', id },
    purpose: reason.purpose ?? null,
    legalBasis: reason.legalBasis ?? null,
    details: { items: detail.itemCount },
  });
  return detail;
}

export interface ClusterMemberView {
  itemId: string;
  title: string | null;
  /** The clustered text (the body, or the title when there is none) the fills index, cut at 5,000 characters. */
  text: string;
  fills: MemberFit['fills'];
  edits: number;
}

export interface ClusterDetail {
  id: string;
  size: number;
  template: TemplatePart[];
  quality: TemplateQuality;
  /** A sample of up to 40 members spread over the cluster's history, aligned to the template. */
  members: ClusterMemberView[];
  networks: Array<{ id: string; items: number }>;
}

const MEMBER_TEXT = 5000;

/** A template cluster: its template with slots, and how a sample of members fills them. Audited. */
export async function readCluster(deps: ServiceDeps, actor: Actor, id: string, reason: AccessReason): Promise<ClusterDetail> {
  const row = await deps.db.selectFrom('template_cluster').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('cluster');
  const sample = await itemTexts(deps.db, await clusterSample(deps.db, id, TEMPLATE_SAMPLE));
  const texts = sample.map(clusterText);
  // The template of the sample shown, so every fill indexes a text on the page (the stored one is from the same sample).
  const extracted = extractTemplate(texts, { maxSample: TEMPLATE_SAMPLE });
  const members = sample.map((m, k) => {
    const fit = extracted.members[k] as MemberFit;
    return { itemId: m.id, title: m.title, text: (texts[k] as string).slice(0, MEMBER_TEXT), fills: fit.fills.filter((f) => f.end <= MEMBER_TEXT), edits: fit.edits };
  });
  const nets = await deps.db
    .selectFrom('network_item')
    .innerJoin('cluster_sketch', 'cluster_sketch.item_id', 'network_item.item_id')
    .select(['network_item.network_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cluster_sketch.cluster_id', '=', id)
    .groupBy('network_item.network_id')
    .orderBy('n', 'desc')
    .limit(50)
    .execute();
  await appendAudit(deps, actor, { action: 'cluster.read', target: { type: 'cluster', id }, purpose: reason.purpose ?? null, legalBasis: reason.legalBasis ?? null, details: { size: Number(row.size) } });
  return {
    id,
    size: Number(row.size),
    template: extracted.template,
    quality: extracted.quality,
    members,
    networks: nets.map((n) => ({ id: n.network_id, items: Number(n.n) })),
  };
}

export interface EntityDetail {
  type: string;
  value: string;
  hub: { reason: string; itemCount: number; siteCount: number; detectedAt: string } | null;
  itemCount: number;
  items: NetworkItemView[];
  networks: Array<{ id: string; items: number }>;
  clusters: Array<{ id: string; items: number }>;
  /** Other entities carried by the same items. */
  linked: Array<{ type: string; value: string; items: number }>;
  sites: string[];
  cities: PlaceView[];
  names: string[];
}

/** Everything linked to one entity. Audited with the entity type only (the value is personal data). */
export async function readEntity(deps: ServiceDeps, actor: Actor, type: string, value: string, reason: AccessReason): Promise<EntityDetail> {
  const { db } = deps;
  const rows = await db
    .selectFrom('network_link')
    .innerJoin('item', 'item.id', 'network_link.item_id')
    .leftJoin('network_item', 'network_item.item_id', 'item.id')
    .leftJoin('cluster_sketch', 'cluster_sketch.item_id', 'item.id')
    .select(['item.id', 'item.title', 'item.site', 'item.url', 'item.location_text', 'item.risk_score', 'item.posted_at', 'item.captured_at', 'network_item.network_id', 'network_item.city_id', 'network_item.names', 'cluster_sketch.cluster_id'])
    .where('network_link.type', '=', type)
    .where('network_link.value', '=', value)
    .orderBy('item.id')
    .limit(NETWORK_ITEMS_SHOWN)
    .execute();
  if (rows.length === 0) throw notFound('entity');
  const total = Number(
    (await db.selectFrom('network_link').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', type).where('value', '=', value).executeTakeFirstOrThrow()).n,
  );
  const hub = await db.selectFrom('network_hub').selectAll().where('type', '=', type).where('value', '=', value).executeTakeFirst();
  const tally = (xs: Array<string | null>) => {
    const m = new Map<string, number>();
    for (const x of xs) if (x) m.set(x, (m.get(x) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id, items]) => ({ id, items }));
  };
  const ids = rows.map((r) => r.id);
  // Templates are reported as clusters, not as co-occurring entities.
  const others = await db.selectFrom('network_link').select(['type', 'value']).where('item_id', 'in', ids).where('type', '!=', 'template').execute();
  const linked = tally(others.filter((o) => !(o.type === type && o.value === value)).map((o) => `${o.type}\u0000${o.value}`)).map(({ id, items }) => {
    const [t, v] = id.split('\u0000') as [string, string];
    return { type: t, value: v, items };
  });
  const names = new Set<string>();
  for (const r of rows) for (const n of JSON.parse(r.names ?? '[]') as string[]) names.add(n);
  await appendAudit(deps, actor, { action: 'entity.read', target: { type: 'entity', id: null }, purpose: reason.purpose ?? null, legalBasis: reason.legalBasis ?? null, details: { entityType: type, items: total } });
  return {
    type,
    value,
    hub: hub ? { reason: hub.reason, itemCount: Number(hub.item_count), siteCount: Number(hub.site_count), detectedAt: hub.detected_at } : null,
    itemCount: total,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      site: r.site,
      url: r.url === '' ? null : r.url,
      seenAt: r.posted_at ?? r.captured_at,
      city: r.city_id ? placeOf(r.city_id) : null,
      locationText: r.location_text,
      names: JSON.parse(r.names ?? '[]') as string[],
      riskScore: r.risk_score,
      clusterId: r.cluster_id,
    })),
    networks: tally(rows.map((r) => r.network_id)),
    clusters: tally(rows.map((r) => r.cluster_id)).filter((c) => c.items >= 2),
    linked: linked.slice(0, 200),
    sites: [...new Set(rows.map((r) => r.site).filter((s): s is string => s !== null))],
    cities: [...new Set(rows.map((r) => r.city_id).filter((c): c is string => c !== null))].flatMap((c) => placeOf(c) ?? []),
    names: [...names].sort(),
  };
}
