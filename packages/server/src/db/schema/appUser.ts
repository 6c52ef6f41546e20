/** A person who signs in. Roles are a JSON array of core `Role` names. */
export interface AppUserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  roles: string;
  locale: string;
  /** Sealed with the field-encryption key; null until a second factor is set up. */
  totp_secret: string | null;
  totp_enabled: number;
  /** The 30-second step of the last accepted code: a code is accepted once (RFC 6238 §5.2). */
  totp_last_step: number | null;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}
