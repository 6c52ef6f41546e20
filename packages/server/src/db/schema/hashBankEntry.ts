/** One known hash in a bank. Unique per (bank_id, signal_type, hash); `hash` is lower-case hex. */
export interface HashBankEntryTable {
  id: string;
  bank_id: string;
  signal_type: 'pdq' | 'md5' | 'sha256';
  hash: string;
  /** PDQ quality 0..100 when the source gave one. */
  quality: number | null;
  category: string | null;
  source: string | null;
  note: string | null;
  /** The source's own id for the entry (e.g. a ThreatExchange indicator id). */
  external_id: string | null;
  enabled: number;
  added_by: string;
  added_at: string;
}
