/** One report (public, partner or automatic) attached to a subject. Free text and contact are sealed; no IP address is stored. */
export interface HotlineReportTable {
  id: string;
  /** What the reporter is given to check the status, e.g. `R-7K3M-Q9XA`. */
  reference: string;
  subject_id: string;
  channel: 'public' | 'partner' | 'automatic';
  url: string | null;
  platform: string | null;
  description_sealed: string | null;
  child_involved: number;
  anonymous: number;
  contact_sealed: string | null;
  language: string;
  /** `public`, `apiKey:<id>`, `user:<id>` or `system`. */
  submitted_by: string;
  item_id: string | null;
  /** JSON: the signals behind an automatic report (bank match, risk score). */
  signals: string;
  created_at: string;
}
