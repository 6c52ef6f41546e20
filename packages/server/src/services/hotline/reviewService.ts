import { REVIEW_CLASSIFICATIONS, INTERPOL_CATEGORIES, isActionableClassification, type ReviewClassification, type InterpolCategory } from '@centinela/core';
import sharp from 'sharp';
import { OUTBOX_MAX_ATTEMPTS } from '../../outbox/outboxService.js';
import type { BlobStore } from '../../blobs/blobStore.js';
import { appendAudit } from '../auditService.js';
import { importEntries } from '../bankService.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { notFound, Problem } from '../problem.js';
import { appendSubjectEvent, lockSubject } from './events.js';
import { openOptional, sealOptional } from '../sealing.js';
import { toSummary, type SubjectSummary } from './triageService.js';

/** What the caller may see of a subject: analysts and admins everything; investigators no contacts and no unshared notes. */
export interface Viewer {
  userId: string;
  seesContacts: boolean;
  seesAllNotes: boolean;
}

export interface SignalExplanation {
  kind: 'bank_match' | 'risk_score' | 'child_involved' | 'reports';
  explanation: string;
  score?: number;
}

export interface SubjectDetail {
  subject: SubjectSummary & { interpolCategory: string | null; assessedAt: string | null; firstNoticeAt: string | null; providerId: string | null; nextCheckAt: string | null; lastCheckState: string | null };
  signals: SignalExplanation[];
  reports: Array<{ id: string; reference: string; channel: string; platform: string | null; description: string | null; childInvolved: boolean; anonymous: boolean; contact: string | null; language: string; itemId: string | null; createdAt: string }>;
  media: Array<{ id: string; mime: string; size: number; md5: string; sha1: string; sha256: string; pdq: string | null; quality: number | null; matches: unknown[] }>;
  decisions: Array<{ id: string; reviewerId: string; classification: string; interpolCategory: string | null; traffickingIndicators: string[]; legalBasis: string; note: string | null; noteShared: boolean; bankId: string | null; createdAt: string }>;
  events: Array<{ id: string; type: string; actor: string; at: string; data: Record<string, unknown> }>;
  notices: Array<{ id: string; round: number; providerId: string; channel: string; language: string; status: NoticeStatus; createdAt: string; sentAt: string | null }>;
  checks: Array<{ state: string; httpStatus: number | null; reason: string | null; checkedAt: string }>;
  authorityReports: Array<{ id: string; authority: string; incidentType: string; createdAt: string; delivery: string | null }>;
}

/** One subject with its signals and their explanations; every read is audited. */
export async function readSubject(deps: ServiceDeps, actor: Actor, viewer: Viewer, subjectId: string): Promise<SubjectDetail> {
  const s = await deps.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirst();
  if (!s) throw notFound('subject');
  const [reports, media, decisions, events, notices, checks, authority] = await Promise.all([
    deps.db.selectFrom('hotline_report').selectAll().where('subject_id', '=', subjectId).orderBy('created_at').execute(),
    deps.db.selectFrom('hotline_media').selectAll().where('subject_id', '=', subjectId).orderBy('created_at').execute(),
    deps.db.selectFrom('hotline_decision').selectAll().where('subject_id', '=', subjectId).orderBy('created_at').execute(),
    deps.db.selectFrom('hotline_event').selectAll().where('subject_id', '=', subjectId).orderBy('seq').execute(),
    deps.db
      .selectFrom('hotline_notice as n')
      .innerJoin('outbox_message as o', 'o.id', 'n.outbox_id')
      .select(['n.id', 'n.round', 'n.provider_id', 'n.channel', 'n.language', 'n.created_at', 'o.status', 'o.attempts', 'o.sent_at'])
      .where('n.subject_id', '=', subjectId)
      .orderBy('n.round')
      .execute(),
    deps.db.selectFrom('hotline_check').selectAll().where('subject_id', '=', subjectId).orderBy('checked_at', 'desc').limit(20).execute(),
    deps.db
      .selectFrom('authority_report as a')
      .leftJoin('outbox_message as o', 'o.id', 'a.outbox_id')
      .select(['a.id', 'a.authority', 'a.incident_type', 'a.created_at', 'o.status'])
      .where('a.subject_id', '=', subjectId)
      .orderBy('a.created_at')
      .execute(),
  ]);
  // Media are deduplicated by SHA-256 within a subject: the same file reported twice is reviewed once.
  const seenMedia = new Set<string>();
  const uniqueMedia = media.filter((m) => (seenMedia.has(m.sha256) ? false : (seenMedia.add(m.sha256), true)));

  const signals: SignalExplanation[] = [];
  if (s.child_involved) signals.push({ kind: 'child_involved', explanation: `${reports.filter((r) => r.child_involved).length} report(s) say a child seems involved` });
  for (const m of uniqueMedia) {
    for (const hit of JSON.parse(m.bank_matches) as Array<{ bank: string; signalType: string; distance: number; category: string | null }>) {
      signals.push({ kind: 'bank_match', explanation: `file ${m.sha256.slice(0, 12)}… matches bank "${hit.bank}" by ${hit.signalType} at distance ${hit.distance}${hit.category ? ` (category ${hit.category})` : ''}` });
    }
  }
  for (const r of reports) {
    const sig = JSON.parse(r.signals) as { bankMatch?: { bank: string; distance: number }; riskScore?: number };
    if (sig.bankMatch) signals.push({ kind: 'bank_match', explanation: `automatic: bank "${sig.bankMatch.bank}" at distance ${sig.bankMatch.distance}` });
  }
  const itemIds = [...new Set(reports.map((r) => r.item_id).filter((x): x is string => !!x))];
  if (itemIds.length > 0) {
    const items = await deps.db.selectFrom('item').select(['id', 'risk_score', 'risk_breakdown']).where('id', 'in', itemIds).execute();
    for (const it of items) {
      if (it.risk_score === null) continue;
      const breakdown = it.risk_breakdown ? ((JSON.parse(it.risk_breakdown) as { breakdown?: Array<{ label?: string; id?: string; contribution?: number }> }).breakdown ?? []) : [];
      const top = breakdown.slice(0, 5).map((b) => b.label ?? b.id).filter(Boolean).join('; ');
      signals.push({ kind: 'risk_score', score: it.risk_score, explanation: `item ${it.id.slice(0, 8)} risk ${it.risk_score.toFixed(2)}${top ? `: ${top}` : ''}` });
    }
  }
  if (s.report_count > 1) signals.push({ kind: 'reports', explanation: `${s.report_count} reports of this subject` });

  await appendAudit(deps, actor, { action: 'hotline.subject.read', target: { type: 'hotline_subject', id: subjectId }, details: { reports: reports.length, media: uniqueMedia.length } });
  return {
    subject: {
      ...toSummary(s),
      interpolCategory: s.interpol_category,
      assessedAt: s.assessed_at,
      firstNoticeAt: s.first_notice_at,
      providerId: s.provider_id,
      nextCheckAt: s.next_check_at,
      lastCheckState: s.last_check_state,
    },
    signals,
    reports: reports.map((r) => ({
      id: r.id,
      reference: r.reference,
      channel: r.channel,
      platform: r.platform,
      description: openOptional(deps, 'hotline_report.description', r.id, r.description_sealed),
      childInvolved: r.child_involved === 1,
      anonymous: r.anonymous === 1,
      contact: viewer.seesContacts ? openOptional(deps, 'hotline_report.contact', r.id, r.contact_sealed) : null,
      language: r.language,
      itemId: r.item_id,
      createdAt: r.created_at,
    })),
    media: uniqueMedia.map((m) => ({ id: m.id, mime: m.mime, size: m.size, md5: m.md5, sha1: m.sha1, sha256: m.sha256, pdq: m.pdq, quality: m.quality, matches: JSON.parse(m.bank_matches) as unknown[] })),
    decisions: decisions.map((d) => {
      const visible = viewer.seesAllNotes || d.note_shared === 1 || d.reviewer_id === viewer.userId;
      return {
        id: d.id,
        reviewerId: d.reviewer_id,
        classification: d.classification,
        interpolCategory: d.interpol_category,
        traffickingIndicators: JSON.parse(d.trafficking_indicators) as string[],
        legalBasis: d.legal_basis,
        note: visible ? openOptional(deps, 'hotline_decision.note', d.id, d.note_sealed) : null,
        noteShared: d.note_shared === 1,
        bankId: d.bank_id,
        createdAt: d.created_at,
      };
    }),
    events: events.map((e) => ({ id: e.id, type: e.type, actor: e.actor, at: e.at, data: JSON.parse(e.data) as Record<string, unknown> })),
    notices: notices.map((n) => ({ id: n.id, round: n.round, providerId: n.provider_id, channel: n.channel, language: n.language, status: noticeStatus(n.status, Number(n.attempts)), createdAt: n.created_at, sentAt: n.sent_at })),
    checks: checks.map((c) => ({ state: c.state, httpStatus: c.http_status, reason: c.reason, checkedAt: c.checked_at })),
    authorityReports: authority.map((a) => ({ id: a.id, authority: a.authority, incidentType: a.incident_type, createdAt: a.created_at, delivery: a.status ?? null })),
  };
}

/**
 * One reported file for a reviewer. `blurred` (the default view) is made on the server: small, greyscale and
 * blurred, so the original bytes never reach the browser until the reviewer reveals them (`full`). Both reads
 * are audited, as a preview or as a reveal.
 */
export async function readMedia(deps: ServiceDeps, blobs: BlobStore, actor: Actor, mediaId: string, view: 'blurred' | 'full' = 'full'): Promise<{ bytes: Buffer; mime: string }> {
  const m = await deps.db.selectFrom('hotline_media').select(['id', 'subject_id', 'sha256', 'mime']).where('id', '=', mediaId).executeTakeFirst();
  if (!m) throw notFound('media');
  if (view === 'blurred' && !m.mime.startsWith('image/')) throw new Problem(415, 'hotline.no_preview', 'videos have no preview; reveal to play');
  const original = await blobs.get(m.sha256);
  const out =
    view === 'blurred'
      ? { bytes: await sharp(original, { animated: false, limitInputPixels: 50_000_000 }).resize(160, 160, { fit: 'inside' }).greyscale().blur(8).jpeg({ quality: 50 }).toBuffer(), mime: 'image/jpeg' }
      : { bytes: original, mime: m.mime };
  await appendAudit(deps, actor, { action: view === 'blurred' ? 'hotline.media.preview' : 'hotline.media.reveal', target: { type: 'hotline_media', id: m.id }, details: { subjectId: m.subject_id } });
  return out;
}

export const TRAFFICKING_INDICATORS = ['recruitment_deception', 'third_party_control', 'movement', 'debt_bondage', 'minor_advertised', 'multiple_victims', 'coercion'] as const;

export interface DecisionInput {
  classification: ReviewClassification;
  interpolCategory?: InterpolCategory | null | undefined;
  traffickingIndicators?: readonly string[] | undefined;
  legalBasis: string;
  note?: string | null | undefined;
  shareNote?: boolean | undefined;
  /** Add the subject's media hashes to this bank in the same step (confirmed material). */
  addToBankId?: string | null | undefined;
}

/**
 * Records a reviewer's decision as a `decided` event; the status follows from it. A CSAM decision needs its
 * INTERPOL category. Adding the media hashes to a bank happens in the same transaction, all or nothing.
 */
export async function decideSubject(deps: ServiceDeps, actor: Actor, reviewerId: string, subjectId: string, input: DecisionInput): Promise<{ decisionId: string; status: string; addedToBank: number }> {
  if (!(REVIEW_CLASSIFICATIONS as readonly string[]).includes(input.classification)) throw new Problem(400, 'hotline.invalid_classification', 'unknown classification');
  if (input.classification === 'csam' && !input.interpolCategory) throw new Problem(400, 'hotline.interpol_required', 'a CSAM decision needs the INTERPOL category (baseline or national)');
  if (input.interpolCategory && !(INTERPOL_CATEGORIES as readonly string[]).includes(input.interpolCategory)) throw new Problem(400, 'hotline.invalid_classification', 'unknown INTERPOL category');
  if (input.classification !== 'csam' && input.interpolCategory) throw new Problem(400, 'hotline.invalid_classification', 'the INTERPOL category applies only to CSAM');
  const indicators = [...new Set(input.traffickingIndicators ?? [])];
  const unknown = indicators.filter((i) => !(TRAFFICKING_INDICATORS as readonly string[]).includes(i));
  if (unknown.length) throw new Problem(400, 'hotline.invalid_indicator', `unknown trafficking indicator: ${unknown.join(', ')}`);
  const legalBasis = input.legalBasis.trim();
  if (!legalBasis) throw new Problem(400, 'hotline.legal_basis_required', 'state the legal basis of the decision');
  if (input.addToBankId && !isActionableClassification(input.classification)) throw new Problem(400, 'hotline.bank_needs_confirmation', 'only confirmed illegal material can be added to a bank');

  return inTransaction(deps, async (tx) => {
    if (!(await lockSubject(tx, subjectId))) throw notFound('subject');
    const s = await tx.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow();
    if (s.assigned_to && s.assigned_to !== reviewerId) throw new Problem(409, 'hotline.not_yours', 'another reviewer holds this subject');
    const now = isoNow(tx.clock);
    const decisionId = uuidv7(tx.clock.now().getTime());
    let addedToBank = 0;
    if (input.addToBankId) {
      const media = await tx.db.selectFrom('hotline_media').select(['md5', 'sha256', 'pdq', 'quality']).where('subject_id', '=', subjectId).execute();
      if (media.length === 0) throw new Problem(400, 'hotline.no_media', 'this subject has no files to add to a bank');
      const lines = media.flatMap((m) => [`md5:${m.md5}`, `sha256:${m.sha256}`, ...(m.pdq && (m.quality ?? 0) >= 50 ? [`pdq:${m.pdq}`] : [])]);
      const category = input.classification === 'csam' ? `csam-${input.interpolCategory}` : input.classification;
      const report = await importEntries(tx, actor, input.addToBankId, lines.join('\n'), { format: 'lines', category, source: `hotline:${subjectId}` });
      addedToBank = report.added;
    }
    await tx.db
      .insertInto('hotline_decision')
      .values({
        id: decisionId,
        subject_id: subjectId,
        reviewer_id: reviewerId,
        classification: input.classification,
        interpol_category: input.interpolCategory ?? null,
        trafficking_indicators: JSON.stringify(indicators),
        legal_basis: legalBasis.slice(0, 500),
        note_sealed: sealOptional(tx, 'hotline_decision.note', decisionId, input.note?.slice(0, 5000)),
        note_shared: input.shareNote ? 1 : 0,
        bank_id: input.addToBankId ?? null,
        created_at: now,
      })
      .execute();
    const { status } = await appendSubjectEvent(
      tx,
      actor,
      subjectId,
      'decided',
      { decisionId, classification: input.classification, interpolCategory: input.interpolCategory ?? null, addedToBank },
      { classification: input.classification, interpol_category: input.interpolCategory ?? null, assessed_at: s.assessed_at ?? now },
    );
    await appendAudit(tx, actor, {
      action: 'hotline.decide',
      target: { type: 'hotline_subject', id: subjectId },
      details: { decisionId, classification: input.classification, indicators: indicators.length, addedToBank, noteShared: input.shareNote === true },
    });
    return { decisionId, status, addedToBank };
  });
}

/** Reopens a closed or decided subject: a new event, never an edit. */
export async function reopenSubject(deps: ServiceDeps, actor: Actor, subjectId: string, reason: string): Promise<{ status: string }> {
  return inTransaction(deps, async (tx) => {
    const { status } = await appendSubjectEvent(tx, actor, subjectId, 'reopened', { reason: reason.slice(0, 200) }, { next_check_at: null });
    await appendAudit(tx, actor, { action: 'hotline.reopen', target: { type: 'hotline_subject', id: subjectId } });
    return { status };
  });
}

/** An outbox message that failed its last allowed attempt is no longer retried: reviewers must see that, not "will retry". */
export type NoticeStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'gave_up';

function noticeStatus(status: 'pending' | 'sending' | 'sent' | 'failed', attempts: number): NoticeStatus {
  return status === 'failed' && attempts >= OUTBOX_MAX_ATTEMPTS ? 'gave_up' : status;
}
