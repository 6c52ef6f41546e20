import { isActionableClassification, type ReviewClassification } from '@centinela/core';
import { enqueueOutbox, type OutboxMessage } from '../../outbox/outboxService.js';
import { appendAudit } from '../auditService.js';
import { actorLabel } from '../deps.js';
import { isoNow } from '../clock.js';
import { inTransaction, systemActor, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { notFound, Problem } from '../problem.js';
import { appendSubjectEvent, lockSubject } from './events.js';
import { renderNotice, type NoticeLanguage } from './noticeTemplates.js';
import { dnsHostLookup, resolveProvider, toProvider, type HostLookup } from './providerService.js';

/** The reference a provider sees: derived from the subject, never a reporter's reference. */
export const subjectReference = (subjectId: string) => `HS-${subjectId.replace(/-/g, '').slice(-12).toUpperCase()}`;

export interface NoticeRequest {
  providerId?: string | undefined;
  channel?: 'email' | 'webhook' | undefined;
  language?: NoticeLanguage | undefined;
}

export interface NoticeQueued {
  noticeId: string;
  outboxId: string;
  round: number;
  providerId: string;
  channel: 'email' | 'webhook';
}

/**
 * Queues the next notice round for a confirmed subject: the provider (given, or resolved from the URL's host),
 * the template in the provider's language, the message in the outbox under `notice:<subject>:<round>`, a
 * `notice_queued` event and the next re-check time, all in one transaction. The caller enqueues the delivery.
 */
export async function queueNotice(deps: ServiceDeps, actor: Actor, subjectId: string, req: NoticeRequest = {}, lookup: HostLookup = dnsHostLookup): Promise<NoticeQueued> {
  const s = await deps.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirst();
  if (!s) throw notFound('subject');
  if (!s.url || !s.host) throw new Problem(409, 'notice.no_url', 'only subjects with a URL can be notified to a host');
  if (!s.classification || !isActionableClassification(s.classification as ReviewClassification)) throw new Problem(409, 'notice.not_confirmed', 'a notice needs a decision that the content is illegal (CSAM or trafficking)');
  if (s.removed_at) throw new Problem(409, 'notice.already_removed', 'the content was verified as removed');
  if (s.status === 'closed') throw new Problem(409, 'notice.closed', 'the subject is closed; reopen it first');
  const providerRow = req.providerId ?? s.provider_id;
  const provider = providerRow
    ? await deps.db.selectFrom('hotline_provider').selectAll().where('id', '=', providerRow).executeTakeFirst().then((r) => (r ? toProvider(r) : null))
    : await resolveProvider(deps, s.host, lookup);
  if (!provider) throw new Problem(409, 'notice.no_provider', `no provider in the directory hosts ${s.host}; add one with its abuse contact`);
  const channel = req.channel ?? (provider.abuseEmail ? 'email' : 'webhook');
  if (channel === 'email' && !provider.abuseEmail) throw new Problem(409, 'notice.no_contact', 'the provider has no abuse e-mail');
  if (channel === 'webhook' && !provider.webhookUrl) throw new Problem(409, 'notice.no_contact', 'the provider has no webhook');
  const language = req.language ?? provider.language;
  const decision = await deps.db.selectFrom('hotline_decision').select(['legal_basis']).where('subject_id', '=', subjectId).orderBy('created_at', 'desc').executeTakeFirst();

  return inTransaction(deps, async (tx) => {
    // Lock and re-read: two clicks make two rounds in order, never one round twice.
    await lockSubject(tx, subjectId);
    const current = await tx.db.selectFrom('hotline_subject').select(['notice_round']).where('id', '=', subjectId).executeTakeFirstOrThrow();
    const round = current.notice_round + 1;
    const noticeId = uuidv7(tx.clock.now().getTime());
    const reference = subjectReference(subjectId);
    const fields = {
      hotline: tx.config.hotlineName,
      provider: provider.name,
      url: s.url!,
      reference,
      classification: s.classification!,
      legalBasis: decision?.legal_basis ?? '',
      reportedAt: s.first_reported_at.slice(0, 10),
      round,
    };
    const message: OutboxMessage =
      channel === 'email'
        ? { kind: 'email', payload: { to: provider.abuseEmail!, ...renderNotice(language, fields) } }
        : { kind: 'webhook', payload: { url: provider.webhookUrl!, body: { type: 'centinela.notice', ...fields, language } } };
    const outbox = await enqueueOutbox(tx, `notice:${subjectId}:${round}`, message, { type: 'hotline_notice', id: noticeId });
    await tx.db
      .insertInto('hotline_notice')
      .values({ id: noticeId, subject_id: subjectId, provider_id: provider.id, round, channel, language, outbox_id: outbox.id, created_by: actorLabel(actor), created_at: isoNow(tx.clock) })
      .execute();
    const nextCheck = new Date(tx.clock.now().getTime() + tx.config.renoticeHours * 3_600_000).toISOString();
    await appendSubjectEvent(tx, actor, subjectId, 'notice_queued', { noticeId, round, providerId: provider.id, channel }, {
      provider_id: provider.id,
      country: provider.country,
      notice_round: round,
      next_check_at: nextCheck,
    });
    await appendAudit(tx, actor, { action: 'hotline.notice', target: { type: 'hotline_subject', id: subjectId }, details: { noticeId, round, channel, providerId: provider.id } });
    return { noticeId, outboxId: outbox.id, round, providerId: provider.id, channel };
  });
}

/** Outbox hook: a notice left the building. Records `notice_sent` and the first notice time. */
export async function onHotlineMessageSent(tx: ServiceDeps, refType: string, refId: string): Promise<void> {
  if (refType !== 'hotline_notice') return;
  const n = await tx.db.selectFrom('hotline_notice').select(['subject_id', 'round']).where('id', '=', refId).executeTakeFirst();
  if (!n) return;
  const s = await tx.db.selectFrom('hotline_subject').select(['first_notice_at']).where('id', '=', n.subject_id).executeTakeFirstOrThrow();
  await appendSubjectEvent(tx, systemActor, n.subject_id, 'notice_sent', { noticeId: refId, round: n.round }, s.first_notice_at ? {} : { first_notice_at: isoNow(tx.clock) });
}
