/** The append-only log of a subject. Never updated or deleted: a reversal is a new event. */
export interface HotlineEventTable {
  id: string;
  subject_id: string;
  /** 1, 2, 3… per subject: the log's order (ids of one millisecond do not sort). */
  seq: number;
  type: string;
  actor: string;
  /** JSON: ids, codes and counts only. */
  data: string;
  at: string;
}
