/** A structured report to an authority (CyberTipline-like). The payload (it names the reporter) is sealed. */
export interface AuthorityReportTable {
  id: string;
  subject_id: string;
  authority: string;
  incident_type: string;
  payload_sealed: string;
  outbox_id: string | null;
  created_by: string;
  created_at: string;
}
