/**
 * An uploaded file kept because it matched a bank that asks for quarantine. The bytes live sealed in
 * the blob store at `sha256`; this row says why they were kept. One row per (upload, matching entry).
 */
export interface QuarantinedMediaTable {
  id: string;
  sha256: string;
  size: number;
  bank_id: string;
  entry_id: string;
  distance: number;
  /** Who submitted the upload, as `user:<id>`, `apiKey:<id>` or `cli`. */
  submitted_by: string;
  created_at: string;
}
