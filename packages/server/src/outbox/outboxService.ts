import { sql } from 'kysely';
import { backoffMs } from '../jobs/queue.js';
import { isoNow } from '../services/clock.js';
import { inTransaction, type ServiceDeps } from '../services/deps.js';
import { uuidv7 } from '../services/ids.js';
import { openText, sealText } from '../services/sealing.js';
import type { EmailPayload, OutboxTransports, WebhookPayload } from './transports.js';

export const OUTBOX_DELIVER_TASK = 'outbox.deliver';
/** How long a claimed message is held before another worker may assume the first one died. */
export const OUTBOX_LEASE_MS = 5 * 60_000;
export const OUTBOX_MAX_ATTEMPTS = 10;

export type OutboxMessage = { kind: 'email'; payload: EmailPayload } | { kind: 'webhook'; payload: WebhookPayload };

/**
 * Writes a message to the outbox in the caller's transaction, once per idempotency key: enqueuing the same key
 * again returns the existing message.
 */
export async function enqueueOutbox(
  tx: ServiceDeps,
  key: string,
  message: OutboxMessage,
  ref: { type: string; id: string },
): Promise<{ id: string; created: boolean }> {
  const existing = await tx.db.selectFrom('outbox_message').select('id').where('idempotency_key', '=', key).executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const id = uuidv7(tx.clock.now().getTime());
  const now = isoNow(tx.clock);
  await tx.db
    .insertInto('outbox_message')
    .values({
      id,
      idempotency_key: key,
      kind: message.kind,
      payload_sealed: sealText(tx, 'outbox_message.payload', id, JSON.stringify(message.payload)),
      status: 'pending',
      attempts: 0,
      last_error: null,
      lease_until: null,
      next_attempt_at: now,
      ref_type: ref.type,
      ref_id: ref.id,
      created_at: now,
      sent_at: null,
    })
    .execute();
  return { id, created: true };
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

export interface DeliverOptions {
  transports: OutboxTransports;
  /** Runs in the transaction that marks the message sent (e.g. a notice's `notice_sent` event). */
  onSent?: (tx: ServiceDeps, refType: string, refId: string) => Promise<void>;
}

/**
 * Delivers one message at most once at a time: a conditional update claims it with a lease (so two workers
 * never send it together); a message already sent, or held by a live lease, is skipped. After a crash the lease
 * expires and the next attempt sends it. The Message-ID / Idempotency-Key stays the same on every attempt, so
 * a crash between the remote accepting it and our commit is recognisable downstream.
 */
export async function deliverOutboxMessage(deps: ServiceDeps, id: string, opts: DeliverOptions): Promise<DeliveryOutcome> {
  const now = isoNow(deps.clock);
  const leaseUntil = new Date(deps.clock.now().getTime() + OUTBOX_LEASE_MS).toISOString();
  const claimed = await deps.db
    .updateTable('outbox_message')
    .set({ status: 'sending', lease_until: leaseUntil, attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('status', 'in', ['pending', 'failed']), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)])]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return 'skipped';
  const row = await deps.db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const payload = JSON.parse(openText(deps, 'outbox_message.payload', id, row.payload_sealed)) as unknown;
  try {
    if (row.kind === 'email') await opts.transports.sendEmail(payload as EmailPayload, row.id);
    else await opts.transports.postWebhook(payload as WebhookPayload, row.idempotency_key);
  } catch (err) {
    // The reason, cut short: transport errors can echo addresses, never bodies.
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 300);
    await deps.db
      .updateTable('outbox_message')
      .set({
        status: 'failed',
        lease_until: null,
        last_error: reason,
        next_attempt_at: new Date(deps.clock.now().getTime() + backoffMs(row.attempts)).toISOString(),
      })
      .where('id', '=', id)
      .execute();
    return 'failed';
  }
  await inTransaction(deps, async (tx) => {
    await tx.db.updateTable('outbox_message').set({ status: 'sent', lease_until: null, last_error: null, sent_at: isoNow(tx.clock) }).where('id', '=', id).execute();
    await opts.onSent?.(tx, row.ref_type, row.ref_id);
  });
  return 'sent';
}

/** Messages due for a (re)try: pending, failed with attempts left and backoff over, or with an expired lease. */
export async function dueOutboxMessages(deps: ServiceDeps, limit = 100): Promise<string[]> {
  const now = isoNow(deps.clock);
  const rows = await deps.db
    .selectFrom('outbox_message')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['pending', 'failed']), eb('next_attempt_at', '<=', now), eb('attempts', '<', OUTBOX_MAX_ATTEMPTS)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
