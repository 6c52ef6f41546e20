/**
 * A side effect (e-mail, webhook) waiting to happen. Written in the same transaction as what caused it,
 * under an idempotency key; drained by workers with a lease, retries and backoff. The payload is sealed.
 */
export interface OutboxMessageTable {
  id: string;
  idempotency_key: string;
  kind: 'email' | 'webhook';
  payload_sealed: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  lease_until: string | null;
  next_attempt_at: string;
  ref_type: string;
  ref_id: string;
  created_at: string;
  sent_at: string | null;
}
