import { nextSubjectStatus, type ReviewClassification, type SubjectEventType, type SubjectStatus } from '@centinela/core';
import type { HotlineSubjectTable } from '../../db/schema/index.js';
import { actorLabel } from '../deps.js';
import { isoNow } from '../clock.js';
import type { Actor, ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { notFound } from '../problem.js';

export type SubjectChanges = Partial<Omit<HotlineSubjectTable, 'id' | 'status' | 'created_at'>>;

/**
 * Takes the subject's row lock (PostgreSQL; SQLite serialises writers anyway) before the caller reads it, so
 * read-modify-write on the projection (counts, claims) cannot lose a concurrent update. False when missing.
 */
export async function lockSubject(tx: ServiceDeps, subjectId: string): Promise<boolean> {
  const r = await tx.db.updateTable('hotline_subject').set({ updated_at: isoNow(tx.clock) }).where('id', '=', subjectId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Appends one event to a subject's log and updates the projection (status and the given fields) in the
 * caller's transaction. The status is always core's `nextSubjectStatus` of the stored one: no code sets it directly.
 */
export async function appendSubjectEvent(
  tx: ServiceDeps,
  actor: Actor,
  subjectId: string,
  type: SubjectEventType,
  data: Record<string, unknown> = {},
  changes: SubjectChanges = {},
): Promise<{ status: SubjectStatus; eventId: string }> {
  // Touch the row first: on PostgreSQL that takes its lock, so concurrent appends to one subject queue up.
  const at = isoNow(tx.clock);
  const touched = await tx.db.updateTable('hotline_subject').set({ updated_at: at }).where('id', '=', subjectId).executeTakeFirst();
  if (Number(touched.numUpdatedRows) === 0) throw notFound('subject');
  const subject = await tx.db.selectFrom('hotline_subject').select(['status']).where('id', '=', subjectId).executeTakeFirstOrThrow();
  const last = await tx.db.selectFrom('hotline_event').select((eb) => eb.fn.max('seq').as('seq')).where('subject_id', '=', subjectId).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const classification = (data.classification as ReviewClassification | undefined) ?? null;
  const status = nextSubjectStatus(subject.status as SubjectStatus, { type, classification });
  const eventId = uuidv7(tx.clock.now().getTime());
  await tx.db.insertInto('hotline_event').values({ id: eventId, subject_id: subjectId, seq, type, actor: actorLabel(actor), data: JSON.stringify(data), at }).execute();
  await tx.db
    .updateTable('hotline_subject')
    .set({ ...changes, status, updated_at: at })
    .where('id', '=', subjectId)
    .execute();
  return { status, eventId };
}
