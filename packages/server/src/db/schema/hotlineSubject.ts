/**
 * A reported thing, deduplicated: one row per canonical URL, or per media SHA-256 for reports without a URL.
 * `status` is the projection of its `hotline_event` log (core `deriveSubjectStatus`), updated in the same transaction.
 */
export interface HotlineSubjectTable {
  id: string;
  kind: 'url' | 'media' | 'text';
  url: string | null;
  host: string | null;
  media_sha256: string | null;
  status: string;
  priority: number;
  child_involved: number;
  bank_match: number;
  risk_score: number | null;
  report_count: number;
  first_reported_at: string;
  last_reported_at: string;
  assigned_to: string | null;
  claimed_at: string | null;
  classification: string | null;
  interpol_category: string | null;
  assessed_at: string | null;
  first_notice_at: string | null;
  removed_at: string | null;
  provider_id: string | null;
  country: string | null;
  notice_round: number;
  next_check_at: string | null;
  last_check_state: string | null;
  created_at: string;
  updated_at: string;
}
