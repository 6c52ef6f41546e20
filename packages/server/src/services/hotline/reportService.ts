import { randomBytes } from 'node:crypto';
import { canonicalReportUrl, subjectPriority } from '@centinela/core';
import type { BlobStore } from '../../blobs/blobStore.js';
import { appendAudit } from '../auditService.js';
import { actorLabel } from '../deps.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { Problem } from '../problem.js';
import { appendSubjectEvent, lockSubject } from './events.js';
import { hashReportFiles, storeReportFiles, type HashedFile, type IntakeFile } from './mediaIntake.js';
import { sealOptional } from '../sealing.js';

export const REPORT_CHANNELS = ['public', 'partner', 'automatic'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const REPORT_LIMITS = { description: 5000, platform: 100, contact: 300 } as const;

export interface ReportInput {
  channel: ReportChannel;
  url?: string | null | undefined;
  platform?: string | null | undefined;
  description?: string | null | undefined;
  childInvolved: boolean;
  /** An explicit choice: an anonymous report never keeps a contact, even when one was typed. */
  anonymous: boolean;
  contact?: string | null | undefined;
  language: 'es' | 'en';
  files?: readonly IntakeFile[] | undefined;
  itemId?: string | null | undefined;
  /** Signals known at intake (automatic reports). */
  riskScore?: number | null | undefined;
  bankMatch?: boolean | undefined;
  signals?: Record<string, unknown> | undefined;
}

export interface ReportCreated {
  reportId: string;
  reference: string;
  subjectId: string;
  newSubject: boolean;
  bankMatches: number;
}

// Crockford base32 without I, L, O, U: easy to read aloud and type on a phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newReference(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]);
  return `R-${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}`;
}
export const REFERENCE_PATTERN = /^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const URL_REASONS: Record<string, string> = {
  invalid: 'the URL is not valid',
  scheme: 'only http and https URLs can be reported',
  credentials: 'the URL contains a user name or password; remove them and report again',
  too_long: 'the URL is longer than 2,048 characters',
};

function clean(text: string | null | undefined, max: number, field: string): string | null {
  if (text === null || text === undefined) return null;
  // Control characters (other than line breaks and tabs) have no place in a report and break templates.
  const t = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if (t.length > max) throw new Problem(400, 'validation.failed', `${field} is longer than ${max} characters`, { errors: [{ path: field, message: `at most ${max} characters` }] });
  return t || null;
}

/**
 * Files a report and attaches it to its subject: the same canonical URL, or (without a URL) the same media
 * SHA-256, is one subject (`…/a` and `…/a/` are two: the path is kept, see `canonicalReportUrl`). Files are
 * hashed, matched against the banks and sealed in the blob store.
 * Appends a `reported` event and the audit entry in one transaction.
 */
export async function fileReport(deps: ServiceDeps, blobs: BlobStore | null, actor: Actor, input: ReportInput): Promise<ReportCreated> {
  let url: string | null = null;
  let host: string | null = null;
  if (input.url && input.url.trim()) {
    const c = canonicalReportUrl(input.url);
    if (!c.ok) throw new Problem(400, c.reason === 'credentials' ? 'report.url_credentials' : 'report.invalid_url', URL_REASONS[c.reason]!);
    url = c.url;
    host = c.host;
  }
  const description = clean(input.description, REPORT_LIMITS.description, 'description');
  const platform = clean(input.platform, REPORT_LIMITS.platform, 'platform');
  const contact = input.anonymous ? null : clean(input.contact, REPORT_LIMITS.contact, 'contact');
  const files = input.files ?? [];
  if (!url && files.length === 0 && !description) throw new Problem(400, 'report.empty', 'a report needs a URL, a file or a description');

  const hashed = await hashReportFiles(deps, files, deps.config.publicReportFileBytes);
  if (files.length > 0) {
    if (!blobs) throw new Error("files need a blob store");
    await storeReportFiles(blobs, files);
  }
  const bankMatches = hashed.reduce((n, h) => n + h.matches.length, 0);
  const bankMatch = input.bankMatch === true || bankMatches > 0;

  return inTransaction(deps, async (tx) => {
    const now = isoNow(tx.clock);
    const nowMs = tx.clock.now().getTime();
    const { id: subjectId, created } = await findOrCreateSubject(tx, { url, host, hashed, now, nowMs });
    await lockSubject(tx, subjectId);
    const subject = await tx.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow();
    const childInvolved = subject.child_involved === 1 || input.childInvolved;
    const anyBank = subject.bank_match === 1 || bankMatch;
    const risk = Math.max(subject.risk_score ?? -1, input.riskScore ?? -1);
    const riskScore = risk < 0 ? null : risk;

    const reportId = uuidv7(nowMs);
    let reference = newReference();
    for (let i = 0; i < 3; i++) {
      const taken = await tx.db.selectFrom('hotline_report').select('id').where('reference', '=', reference).executeTakeFirst();
      if (!taken) break;
      reference = newReference();
    }
    await tx.db
      .insertInto('hotline_report')
      .values({
        id: reportId,
        reference,
        subject_id: subjectId,
        channel: input.channel,
        url,
        platform,
        description_sealed: sealOptional(tx, 'hotline_report.description', reportId, description),
        child_involved: input.childInvolved ? 1 : 0,
        anonymous: input.anonymous ? 1 : 0,
        contact_sealed: sealOptional(tx, 'hotline_report.contact', reportId, contact),
        language: input.language,
        submitted_by: input.channel === 'public' ? 'public' : actorLabel(actor),
        item_id: input.itemId ?? null,
        signals: JSON.stringify({ ...(input.signals ?? {}), bankMatches }),
        created_at: now,
      })
      .execute();
    for (const h of hashed) {
      await tx.db
        .insertInto('hotline_media')
        .values({
          id: uuidv7(nowMs),
          subject_id: subjectId,
          report_id: reportId,
          sha256: h.sha256,
          sha1: h.sha1,
          md5: h.md5,
          pdq: h.pdq,
          quality: h.quality,
          size: h.size,
          mime: h.mime,
          bank_matches: JSON.stringify(h.matches.map((m) => ({ bank: m.bank, bankId: m.bankId, entryId: m.entryId, signalType: m.signalType, category: m.category, distance: m.distance }))),
          created_at: now,
        })
        .execute();
    }
    await appendSubjectEvent(
      tx,
      actor,
      subjectId,
      'reported',
      { reportId, channel: input.channel, files: hashed.length, bankMatches },
      {
        child_involved: childInvolved ? 1 : 0,
        bank_match: anyBank ? 1 : 0,
        risk_score: riskScore,
        priority: subjectPriority({ childInvolved, bankMatch: anyBank, riskScore }),
        report_count: subject.report_count + 1,
        last_reported_at: now,
      },
    );
    await appendAudit(tx, actor, {
      action: 'hotline.report',
      target: { type: 'hotline_subject', id: subjectId },
      details: { reportId, channel: input.channel, files: hashed.length, bankMatches, newSubject: created },
    });
    return { reportId, reference, subjectId, newSubject: created, bankMatches };
  });
}

async function findOrCreateSubject(
  tx: ServiceDeps,
  p: { url: string | null; host: string | null; hashed: HashedFile[]; now: string; nowMs: number },
): Promise<{ id: string; created: boolean }> {
  if (p.url) {
    const existing = await tx.db.selectFrom('hotline_subject').select('id').where('url', '=', p.url).executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
  } else if (p.hashed.length > 0) {
    const existing = await tx.db
      .selectFrom('hotline_media')
      .select('subject_id')
      .where('sha256', 'in', p.hashed.map((h) => h.sha256))
      .orderBy('created_at')
      .executeTakeFirst();
    if (existing) return { id: existing.subject_id, created: false };
  }
  const id = uuidv7(p.nowMs);
  const inserted = await tx.db
    .insertInto('hotline_subject')
    .values({
      id,
      kind: p.url ? 'url' : p.hashed.length > 0 ? 'media' : 'text',
      url: p.url,
      host: p.host,
      media_sha256: p.url ? null : (p.hashed[0]?.sha256 ?? null),
      status: 'open',
      priority: 0,
      child_involved: 0,
      bank_match: 0,
      risk_score: null,
      report_count: 0,
      first_reported_at: p.now,
      last_reported_at: p.now,
      assigned_to: null,
      claimed_at: null,
      classification: null,
      interpol_category: null,
      assessed_at: null,
      first_notice_at: null,
      removed_at: null,
      provider_id: null,
      country: null,
      notice_round: 0,
      next_check_at: null,
      last_check_state: null,
      created_at: p.now,
      updated_at: p.now,
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { id, created: true };
  // Another report of the same URL won the race: attach to its subject.
  const winner = await tx.db.selectFrom('hotline_subject').select('id').where('url', '=', p.url).executeTakeFirstOrThrow();
  return { id: winner.id, created: false };
}

/** What a reporter may learn from a reference: the coarse status only, never the decision or who reviewed. */
export type PublicStatus = 'received' | 'in_review' | 'action_taken' | 'closed';

export async function publicStatus(deps: ServiceDeps, reference: string): Promise<{ reference: string; status: PublicStatus; receivedAt: string } | null> {
  if (!REFERENCE_PATTERN.test(reference)) return null;
  const row = await deps.db
    .selectFrom('hotline_report as r')
    .innerJoin('hotline_subject as s', 's.id', 'r.subject_id')
    .select(['r.reference', 'r.created_at', 's.status'])
    .where('r.reference', '=', reference)
    .executeTakeFirst();
  if (!row) return null;
  const map: Record<string, PublicStatus> = { open: 'received', assessed: 'in_review', actioned: 'action_taken', closed: 'closed' };
  return { reference: row.reference, status: map[row.status] ?? 'received', receivedAt: row.created_at.slice(0, 10) };
}
