// Links from a case to the online side (items, networks, hotline reports), by type and id, each checked against
// its table. A link is visible only to those who may read the case, from either end.
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { Problem } from '../problem.js';
import { logCaseAccess } from './caseService.js';
import { caseInScope, visibleCaseIds, type Viewer } from './caseScope.js';

export const LINK_TARGET_TYPES = ['item', 'network', 'report'] as const;
export type LinkTargetType = (typeof LINK_TARGET_TYPES)[number];

/** Whether a target exists. A `report` is a hotline report or the subject reports are gathered under (ids are UUIDs). */
const checks: Record<LinkTargetType, (deps: ServiceDeps, id: string) => Promise<boolean>> = {
  item: async (deps, id) => (await deps.db.selectFrom('item').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
  network: async (deps, id) => (await deps.db.selectFrom('network').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
  report: async (deps, id) =>
    (await deps.db.selectFrom('hotline_report').select('id').where('id', '=', id).executeTakeFirst()) !== undefined ||
    (await deps.db.selectFrom('hotline_subject').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
};

export interface CaseLink {
  caseId: string;
  type: string;
  id: string;
  createdAt: string;
}

export async function addCaseLink(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string, type: LinkTargetType, targetId: string): Promise<CaseLink> {
  return inTransaction(deps, async (tx) => {
    await caseInScope(tx, viewer, caseId);
    if (!(await checks[type](tx, targetId))) throw new Problem(422, 'case.link_target_not_found', `no ${type} has the id ${targetId}`, { field: 'id' });
    const createdAt = isoNow(tx.clock);
    await tx.db
      .insertInto('case_link')
      .values({ case_id: caseId, target_type: type, target_id: targetId, created_by: viewer.id, created_at: createdAt })
      .onConflict((oc) => oc.columns(['case_id', 'target_type', 'target_id']).doNothing())
      .execute();
    await logCaseAccess(tx, actor, caseId, 'link_add', { targetType: type, targetId });
    return { caseId, type, id: targetId, createdAt };
  });
}

export async function removeCaseLink(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string, type: LinkTargetType, targetId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await caseInScope(tx, viewer, caseId);
    await tx.db.deleteFrom('case_link').where('case_id', '=', caseId).where('target_type', '=', type).where('target_id', '=', targetId).execute();
    await logCaseAccess(tx, actor, caseId, 'link_remove', { targetType: type, targetId });
  });
}

export async function listCaseLinks(deps: ServiceDeps, viewer: Viewer, caseId: string, actor?: Actor): Promise<CaseLink[]> {
  await caseInScope(deps, viewer, caseId);
  if (actor) await logCaseAccess(deps, actor, caseId, 'read_links');
  const rows = await deps.db.selectFrom('case_link').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
  return rows.map((r) => ({ caseId: r.case_id, type: r.target_type, id: r.target_id, createdAt: r.created_at }));
}

/** The other way round: the cases linked to an item, network or report, among those the viewer may read. */
export async function casesLinkedTo(deps: ServiceDeps, viewer: Viewer, type: LinkTargetType, targetId: string): Promise<string[]> {
  const visible = await visibleCaseIds(deps, viewer);
  const rows = await deps.db.selectFrom('case_link').select('case_id').where('target_type', '=', type).where('target_id', '=', targetId).execute();
  return rows.map((r) => r.case_id).filter((id) => visible.has(id));
}
