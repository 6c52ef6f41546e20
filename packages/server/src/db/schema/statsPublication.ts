/** A published statistics table: what statisticians see. `published` is the core PublishedTable as JSON. */
export interface StatsPublicationTable {
  id: string;
  title: string;
  /** `cases` or `online`. */
  source: string;
  /** `k-anonymity`, `dp-geometric` or `dp-laplace`. */
  method: string;
  /** JSON array of dimension names. */
  dimensions: string;
  published: string;
  created_by: string | null;
  created_at: string;
}
