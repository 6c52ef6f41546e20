import { SUBJECT_STATUSES, type SubjectStatus } from '@centinela/core';
import type { HotlineSubjectTable } from '../../db/schema/index.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { notFound, Problem } from '../problem.js';
import { appendSubjectEvent, lockSubject } from './events.js';

export interface SubjectSummary {
  id: string;
  kind: string;
  url: string | null;
  host: string | null;
  status: SubjectStatus;
  priority: number;
  childInvolved: boolean;
  bankMatch: boolean;
  riskScore: number | null;
  reportCount: number;
  firstReportedAt: string;
  lastReportedAt: string;
  assignedTo: string | null;
  classification: string | null;
  removedAt: string | null;
  noticeRound: number;
}

export function toSummary(r: HotlineSubjectTable): SubjectSummary {
  return {
    id: r.id,
    kind: r.kind,
    url: r.url,
    host: r.host,
    status: r.status as SubjectStatus,
    priority: r.priority,
    childInvolved: r.child_involved === 1,
    bankMatch: r.bank_match === 1,
    riskScore: r.risk_score,
    reportCount: r.report_count,
    firstReportedAt: r.first_reported_at,
    lastReportedAt: r.last_reported_at,
    assignedTo: r.assigned_to,
    classification: r.classification,
    removedAt: r.removed_at,
    noticeRound: r.notice_round,
  };
}

export interface QueueFilter {
  status?: SubjectStatus[] | undefined;
  /** `me`, `none`, or a user id. */
  assigned?: string | undefined;
  childInvolved?: boolean | undefined;
  bankMatch?: boolean | undefined;
  host?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * The triage queue: highest priority first (child involvement, bank match, risk score), then the oldest
 * report first. Open and assessed subjects by default.
 */
export async function listQueue(deps: ServiceDeps, userId: string | null, f: QueueFilter): Promise<{ subjects: SubjectSummary[]; total: number }> {
  const statuses = f.status?.length ? f.status : (['open', 'assessed'] as SubjectStatus[]);
  let q = deps.db.selectFrom('hotline_subject').where('status', 'in', statuses);
  if (f.assigned === 'me' && userId) q = q.where('assigned_to', '=', userId);
  else if (f.assigned === 'none') q = q.where('assigned_to', 'is', null);
  else if (f.assigned) q = q.where('assigned_to', '=', f.assigned);
  if (f.childInvolved !== undefined) q = q.where('child_involved', '=', f.childInvolved ? 1 : 0);
  if (f.bankMatch !== undefined) q = q.where('bank_match', '=', f.bankMatch ? 1 : 0);
  if (f.host) q = q.where('host', '=', f.host.toLowerCase());
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('priority', 'desc')
    .orderBy('first_reported_at', 'asc')
    .orderBy('id', 'asc')
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0)
    .execute();
  return { subjects: rows.map(toSummary), total: Number(total.n) };
}

/** Subjects per status, for the dashboard: aggregates only. */
export async function countsByStatus(deps: ServiceDeps): Promise<Record<SubjectStatus, number>> {
  const rows = await deps.db.selectFrom('hotline_subject').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const out = Object.fromEntries(SUBJECT_STATUSES.map((s) => [s, 0])) as Record<SubjectStatus, number>;
  for (const r of rows) out[r.status as SubjectStatus] = Number(r.n);
  return out;
}

/**
 * Claims a subject for review. A claim held by someone else is refused (409) unless `force` (assignment by an
 * admin); claiming one's own claim again is a no-op.
 */
export async function claimSubject(deps: ServiceDeps, actor: Actor, subjectId: string, assignee: string, opts: { force?: boolean } = {}): Promise<SubjectSummary> {
  return inTransaction(deps, async (tx) => {
    if (!(await lockSubject(tx, subjectId))) throw notFound('subject');
    const s = await tx.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow();
    if (s.assigned_to === assignee) return toSummary(s);
    if (s.assigned_to && !opts.force) throw new Problem(409, 'hotline.already_claimed', 'another reviewer holds this subject; ask them to release it');
    if (opts.force) {
      const user = await tx.db.selectFrom('app_user').select('id').where('id', '=', assignee).executeTakeFirst();
      if (!user) throw notFound('user');
    }
    await appendSubjectEvent(tx, actor, subjectId, opts.force ? 'assigned' : 'claimed', { assignee }, { assigned_to: assignee, claimed_at: isoNow(tx.clock) });
    await appendAudit(tx, actor, { action: opts.force ? 'hotline.assign' : 'hotline.claim', target: { type: 'hotline_subject', id: subjectId } });
    return toSummary(await tx.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow());
  });
}

export async function releaseSubject(deps: ServiceDeps, actor: Actor, subjectId: string, userId: string, opts: { force?: boolean } = {}): Promise<SubjectSummary> {
  return inTransaction(deps, async (tx) => {
    if (!(await lockSubject(tx, subjectId))) throw notFound('subject');
    const s = await tx.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow();
    if (!s.assigned_to) return toSummary(s);
    if (s.assigned_to !== userId && !opts.force) throw new Problem(409, 'hotline.not_yours', 'only the reviewer holding the subject (or an admin) can release it');
    await appendSubjectEvent(tx, actor, subjectId, 'released', { previous: s.assigned_to }, { assigned_to: null, claimed_at: null });
    await appendAudit(tx, actor, { action: 'hotline.release', target: { type: 'hotline_subject', id: subjectId } });
    return toSummary(await tx.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow());
  });
}
