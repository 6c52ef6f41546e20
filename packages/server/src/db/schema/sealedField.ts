/**
 * One identifying value, sealed with AES-256-GCM. `key_id` names the sub-key (`case-field:v<N>`); the associated
 * data is `<record_type>:<record_id>:<field>`, so a box copied to another record or field does not open.
 */
export interface SealedFieldTable {
  record_type: string;
  record_id: string;
  field: string;
  key_id: string;
  /** base64 of the sealed box. */
  box: string;
}

/** Versions of the field key. New values use the `active` one; `retiring` ones are still read during rotation. */
export interface FieldKeyTable {
  version: number;
  state: 'active' | 'retiring' | 'retired';
  created_at: string;
  retired_at: string | null;
}
