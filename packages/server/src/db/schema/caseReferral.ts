/** The projection of a referral's event log (stream `referral:<id>` in case_event), for inboxes and lists. */
export interface CaseReferralTable {
  id: string;
  case_id: string;
  to_organisation_id: string;
  kind: 'referral' | 'transfer';
  purpose: string;
  status: string;
  /** `consent` or `emergency_override`. */
  basis: string;
  /** JSON array of case field paths the receiving organisation may see. */
  shared_fields: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}
