/** A file attached to a report: bytes sealed in the blob store at `sha256`; hashes and bank matches here. */
export interface HotlineMediaTable {
  id: string;
  subject_id: string;
  report_id: string;
  sha256: string;
  sha1: string;
  md5: string;
  pdq: string | null;
  quality: number | null;
  size: number;
  mime: string;
  /** JSON array of {bankId, entryId, signalType, distance}. */
  bank_matches: string;
  created_at: string;
}
