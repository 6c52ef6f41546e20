/** A signed-in browser session. Only the SHA-256 of the cookie token is stored. */
export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}
