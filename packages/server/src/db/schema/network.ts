/**
 * A network: a connected component of the link graph (items ↔ phones, e-mails, wallets, handles, image hashes and
 * template clusters), hubs excluded. `id` is the smallest member item id, so the same graph always gives the same ids.
 */
export interface NetworkTable {
  id: string;
  item_count: number;
  entity_count: number;
  site_count: number;
  city_count: number;
  name_count: number;
  first_seen: string | null;
  last_seen: string | null;
  /** JSON: NetworkSummary (sites, names, cities, cadence, timeline, clusters). */
  summary: string;
  updated_at: string;
}

/** An analysed item's network facts. Primary key item_id. */
export interface NetworkItemTable {
  item_id: string;
  network_id: string;
  /** Gazetteer city id (`geonames:<id>`) of its location, or null. */
  city_id: string | null;
  /** JSON array of names the ad uses. */
  names: string;
  /** posted_at, else captured_at. */
  seen_at: string;
  site: string | null;
  /** JSON: the network signals last applied to the item's risk score. */
  signals: string;
}

/** One edge of the link graph: an item carries an entity (type + normalised value). Primary key (type, value, item_id). */
export interface NetworkLinkTable {
  type: string;
  value: string;
  item_id: string;
}

/** An entity that links too much to mean anything (placeholder, too many items or sites): excluded from linking. */
export interface NetworkHubTable {
  type: string;
  value: string;
  reason: string;
  item_count: number;
  site_count: number;
  detected_at: string;
}

/**
 * PDQ hashes of item images, under 16 multi-index keys each (core `pdqStoreKeys`), with the canonical hash they
 * link under: the first stored hash within distance 31. Primary key (key, hash).
 */
export interface NetworkPdqTable {
  key: number;
  hash: string;
  canonical: string;
}
