import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { uuidv7 } from '../ids.js';
import { notFound, Problem } from '../problem.js';
import { appendSubjectEvent, lockSubject } from './events.js';
import type { BlobStore } from '../../blobs/blobStore.js';
import { blobStoreFor } from '../../blobs/blobStoreFor.js';
import { recheckUrl } from '../crawl/recheck.js';
import type { UrlChecker, UrlCheckResult } from './urlCheck.js';

/**
 * Removal checks are the crawler's recheck: the same outbound policy (private addresses refused unless
 * CENTINELA_CRAWL_ALLOW_PRIVATE, the address pinned against DNS rebinding, size and time limits), and every
 * answer kept as a WARC capture, so a recorded removal has its evidence.
 */
export function defaultUrlChecker(deps: ServiceDeps, blobs: BlobStore = blobStoreFor(deps)): UrlChecker {
  return async (url) => {
    const r = await recheckUrl({ ...deps, blobs }, url);
    return { state: r.state, httpStatus: r.httpStatus, checkedAt: r.checkedAt, ...(r.errorCode ? { reason: r.errorCode } : {}) };
  };
}

/**
 * Re-checks a subject's URL and records the check; the first `gone` records the removal time
 * (`removal_verified`, which closes the subject). Checks that cannot decide change nothing but the log.
 */
export async function checkSubject(deps: ServiceDeps, actor: Actor, subjectId: string, checker: UrlChecker): Promise<UrlCheckResult & { removed: boolean }> {
  const s = await deps.db.selectFrom('hotline_subject').select(['id', 'url', 'removed_at']).where('id', '=', subjectId).executeTakeFirst();
  if (!s) throw notFound('subject');
  if (!s.url) throw new Problem(409, 'hotline.no_url', 'this subject has no URL to check');
  const result = await checker(s.url);
  return inTransaction(deps, async (tx) => {
    await tx.db
      .insertInto('hotline_check')
      .values({ id: uuidv7(tx.clock.now().getTime()), subject_id: subjectId, state: result.state, http_status: result.httpStatus, reason: result.reason ?? null, checked_at: result.checkedAt })
      .execute();
    let removed = false;
    await lockSubject(tx, subjectId); // two checks at once record one removal
    const fresh = await tx.db.selectFrom('hotline_subject').select(['removed_at']).where('id', '=', subjectId).executeTakeFirstOrThrow();
    if (result.state === 'gone' && !fresh.removed_at) {
      await appendSubjectEvent(tx, actor, subjectId, 'removal_verified', { httpStatus: result.httpStatus }, { removed_at: result.checkedAt, next_check_at: null, last_check_state: 'gone' });
      removed = true;
    } else {
      await tx.db.updateTable('hotline_subject').set({ last_check_state: result.state, updated_at: isoNow(tx.clock) }).where('id', '=', subjectId).execute();
    }
    await appendAudit(tx, actor, { action: 'hotline.check', target: { type: 'hotline_subject', id: subjectId }, details: { state: result.state, httpStatus: result.httpStatus, removed } });
    return { ...result, removed };
  });
}

/** Subjects whose re-check is due: notified, not yet removed. */
export async function dueChecks(deps: ServiceDeps, limit = 200): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('hotline_subject')
    .select('id')
    .where('next_check_at', '<=', isoNow(deps.clock))
    .where('removed_at', 'is', null)
    .where('status', '=', 'actioned')
    .orderBy('next_check_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

