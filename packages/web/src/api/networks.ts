// Calls of the networks module: networks, template clusters, entities (docs/NETWORKS.md).
import { reasonParams, request, type AccessReasonInput } from './client';

export interface Place {
  id: string;
  nameEs: string;
  nameEn: string;
  country: string;
  lat: number;
  lon: number;
}

export interface NetworkSummary {
  id: string;
  itemCount: number;
  entityCount: number;
  siteCount: number;
  cityCount: number;
  nameCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  cities: Place[];
  sites: string[];
}

export interface NetworkItem {
  id: string;
  title: string | null;
  site: string | null;
  url: string | null;
  seenAt: string;
  city: Place | null;
  locationText: string | null;
  names: string[];
  riskScore: number | null;
  clusterId: string | null;
}

export interface EntityCount {
  type: string;
  value: string;
  items: number;
}

export interface NetworkDetail extends NetworkSummary {
  names: string[];
  sitesDetail: Array<{ site: string; items: number }>;
  citiesDetail: Array<{ city: Place; items: number }>;
  entities: EntityCount[];
  clusters: Array<{ id: string; items: number }>;
  cadence: { posts: number; firstSeen: string | null; lastSeen: string | null; medianGapHours: number | null; postsPerWeek: number | null };
  timeline: Array<{ city: Place; from: string; to: string; items: string[] }>;
  items: NetworkItem[];
  excludedHubs: Array<{ type: string; value: string; reason: string; itemCount: number; siteCount: number }>;
  graph: { nodes: Array<{ id: string; kind: 'item' | 'entity'; type: string; label: string }>; edges: Array<{ source: string; target: string }> };
  truncated: boolean;
}

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'slot'; id: number; examples: string[] };

export interface ClusterDetail {
  id: string;
  size: number;
  template: TemplatePart[];
  quality: { members: number; ratio: number; coverage: number; slots: number; textTokens: number; bits: number; nullBits: number };
  members: Array<{ itemId: string; title: string | null; text: string; fills: Array<{ slot: number; text: string; start: number; end: number }>; edits: number }>;
  networks: Array<{ id: string; items: number }>;
}

export interface EntityDetail {
  type: string;
  value: string;
  hub: { reason: string; itemCount: number; siteCount: number; detectedAt: string } | null;
  itemCount: number;
  items: NetworkItem[];
  networks: Array<{ id: string; items: number }>;
  clusters: Array<{ id: string; items: number }>;
  linked: EntityCount[];
  sites: string[];
  cities: Place[];
  names: string[];
}

export const NETWORK_ENTITY_TYPES = ['phone', 'email', 'wallet', 'handle', 'image'] as const;

export interface NetworkQuery {
  minItems?: number;
  entityType?: string;
  entity?: string;
  site?: string;
  city?: string;
  sort?: 'size' | 'recent';
  limit?: number;
  offset?: number;
}

function qs(params: Record<string, string | number | undefined>, reason?: AccessReasonInput | null): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  reasonParams(q, reason);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function listNetworks(query: NetworkQuery, reason?: AccessReasonInput | null): Promise<{ networks: NetworkSummary[]; total: number }> {
  return request('GET', `/networks${qs({ ...query }, reason)}`);
}

export async function getNetwork(id: string, reason?: AccessReasonInput | null): Promise<NetworkDetail> {
  return (await request<{ network: NetworkDetail }>('GET', `/networks/${encodeURIComponent(id)}${qs({}, reason)}`)).network;
}

/** Address of the export download (the browser follows it with the session cookie). */
export function networkExportUrl(id: string, format: 'csv' | 'html', lang: 'es' | 'en', reason?: AccessReasonInput | null): string {
  return `/api/v1/networks/${encodeURIComponent(id)}/export${qs({ format, lang }, reason)}`;
}

export async function getCluster(id: string, reason?: AccessReasonInput | null): Promise<ClusterDetail> {
  return (await request<{ cluster: ClusterDetail }>('GET', `/clusters/${encodeURIComponent(id)}${qs({}, reason)}`)).cluster;
}

export async function getEntity(type: string, value: string, reason?: AccessReasonInput | null): Promise<EntityDetail> {
  return (await request<{ entity: EntityDetail }>('GET', `/entities/${encodeURIComponent(type)}/${encodeURIComponent(value)}${qs({}, reason)}`)).entity;
}
