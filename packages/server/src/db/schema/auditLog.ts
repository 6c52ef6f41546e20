/** Append-only, hash-chained audit trail. `hash` covers every other column and the previous hash. */
export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  purpose: string | null;
  legal_basis: string | null;
  outcome: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** One row that serialises appends and remembers the chain's head, so deleting the last entries is detected. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
