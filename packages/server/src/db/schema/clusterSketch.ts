/**
 * One analysed item's place in the template clustering: its MinHash signature (the stored form of core's LshIndex
 * state) and its cluster. `cluster_id` is the smallest item id of the cluster (UUIDv7: the oldest), the item's own
 * id when alone. Primary key item_id.
 */
export interface ClusterSketchTable {
  item_id: string;
  cluster_id: string;
  /** 4 hex digits per MinHash value; null when the item has too little text to be indexed. */
  signature: string | null;
  /** Whole-signature key (signed 32-bit): exact duplicates share it and skip the band table. */
  whole: number | null;
}

/** LSH band buckets: items whose signatures agree on one band. Primary key (band_key, item_id). */
export interface ClusterBandTable {
  /** Band key as a signed 32-bit integer (fits `integer` on both databases). */
  band_key: number;
  item_id: string;
}
