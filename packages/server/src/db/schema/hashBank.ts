/** A named list of known hashes. `revision` grows on every change, so matchers reload only what changed. */
export interface HashBankTable {
  id: string;
  name: string;
  description: string | null;
  enabled: number;
  /** 1: an uploaded file that matches this bank is kept, sealed, in the blob store (otherwise never stored). */
  quarantine_on_match: number;
  revision: number;
  /** Who created it, as `user:<id>`, `apiKey:<id>` or `cli` (not a foreign key: the CLI has no user). */
  created_by: string;
  created_at: string;
  updated_at: string;
}
