/** A partner platform's API key. The secret is shown once; only its keyed hash is stored. */
export interface ApiKeyTable {
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
