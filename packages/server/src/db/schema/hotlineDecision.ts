/** A reviewer's decision on a subject. The note is sealed and shown to investigators only when `note_shared`. */
export interface HotlineDecisionTable {
  id: string;
  subject_id: string;
  reviewer_id: string;
  classification: string;
  interpol_category: string | null;
  /** JSON array of indicator codes. */
  trafficking_indicators: string;
  legal_basis: string;
  note_sealed: string | null;
  note_shared: number;
  /** The bank the confirmed media hashes were added to in the same step, if any. */
  bank_id: string | null;
  created_at: string;
}
