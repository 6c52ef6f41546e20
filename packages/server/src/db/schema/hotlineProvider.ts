/** A hosting provider and its abuse contact, kept by admins. `domains` and `ip_ranges` are JSON arrays. */
export interface HotlineProviderTable {
  id: string;
  name: string;
  domains: string;
  ip_ranges: string;
  abuse_email: string | null;
  webhook_url: string | null;
  country: string | null;
  language: string;
  created_at: string;
  updated_at: string;
}
