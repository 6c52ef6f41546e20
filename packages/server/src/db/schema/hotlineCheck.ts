/** One re-check of a subject's URL. */
export interface HotlineCheckTable {
  id: string;
  subject_id: string;
  state: 'present' | 'gone' | 'error';
  http_status: number | null;
  reason: string | null;
  checked_at: string;
}
