/** One notice round to a provider about a subject; the message itself is in the outbox. */
export interface HotlineNoticeTable {
  id: string;
  subject_id: string;
  provider_id: string;
  round: number;
  channel: 'email' | 'webhook';
  language: string;
  outbox_id: string;
  created_by: string;
  created_at: string;
}
