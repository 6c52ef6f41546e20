// Who may see which case. A caseworker sees the cases they own and those shared with them; a supervisor also
// sees every case of the teams they belong to. An administrator manages users and the directory but does not
// read case content; partners see referrals (referralService), never cases. Cases outside the scope are
// reported as not found, so their existence is not revealed either.
import type { Role } from '@centinela/core';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { CaseRecordTable, Database } from '../../db/schema/index.js';
import type { ServiceDeps } from '../deps.js';
import { Problem } from '../problem.js';

export interface Viewer {
  id: string;
  roles: readonly Role[];
}

export const caseNotFound = () => new Problem(404, 'case.not_found', 'case was not found');

export async function teamsOf(deps: ServiceDeps, userId: string): Promise<string[]> {
  const rows = await deps.db.selectFrom('team_member').select('team_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.team_id);
}

/** The ids of every case the viewer may read (own, shared, and for supervisors the team's). */
export async function visibleCaseIds(deps: ServiceDeps, viewer: Viewer): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!viewer.roles.includes('caseworker') && !viewer.roles.includes('supervisor')) return ids;
  for (const r of await deps.db.selectFrom('case_record').select('id').where('owner_id', '=', viewer.id).execute()) ids.add(r.id);
  for (const r of await deps.db.selectFrom('case_share').select('case_id').where('user_id', '=', viewer.id).execute()) ids.add(r.case_id);
  if (viewer.roles.includes('supervisor')) {
    const teams = await teamsOf(deps, viewer.id);
    if (teams.length > 0) for (const r of await deps.db.selectFrom('case_record').select('id').where('team_id', 'in', teams).execute()) ids.add(r.id);
  }
  return ids;
}

/**
 * Narrows a query on case_record to the viewer's scope in SQL (own, shared, the teams of a supervisor), so
 * lists stay one query however many cases a supervisor's teams hold.
 */
export function whereVisible<QB extends SelectQueryBuilder<Database, 'case_record', object>>(qb: QB, viewer: Viewer): QB {
  if (!viewer.roles.includes('caseworker') && !viewer.roles.includes('supervisor')) return qb.where(sql<boolean>`1 = 0`) as QB;
  return qb.where((eb) =>
    eb.or([
      eb('case_record.owner_id', '=', viewer.id),
      eb('case_record.id', 'in', eb.selectFrom('case_share').select('case_share.case_id').where('case_share.user_id', '=', viewer.id)),
      ...(viewer.roles.includes('supervisor') ? [eb('case_record.team_id', 'in', eb.selectFrom('team_member').select('team_member.team_id').where('team_member.user_id', '=', viewer.id))] : []),
    ]),
  ) as QB;
}

export async function canReadCase(deps: ServiceDeps, viewer: Viewer, row: Pick<CaseRecordTable, 'id' | 'owner_id' | 'team_id'>): Promise<boolean> {
  if (!viewer.roles.includes('caseworker') && !viewer.roles.includes('supervisor')) return false;
  if (row.owner_id === viewer.id) return true;
  const shared = await deps.db.selectFrom('case_share').select('case_id').where('case_id', '=', row.id).where('user_id', '=', viewer.id).executeTakeFirst();
  if (shared) return true;
  if (viewer.roles.includes('supervisor') && row.team_id) return (await teamsOf(deps, viewer.id)).includes(row.team_id);
  return false;
}

/** The case row when the viewer may read it; otherwise a 404 that says nothing about whether it exists. */
export async function caseInScope(deps: ServiceDeps, viewer: Viewer, caseId: string): Promise<CaseRecordTable> {
  const row = await deps.db.selectFrom('case_record').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row || !(await canReadCase(deps, viewer, row))) throw caseNotFound();
  return row;
}

/** Owners and supervisors of the case's team may change who else sees it, erase it and read its access log. */
export async function isOwnerOrSupervisor(deps: ServiceDeps, viewer: Viewer, row: CaseRecordTable): Promise<boolean> {
  if (row.owner_id === viewer.id) return true;
  return viewer.roles.includes('supervisor') && row.team_id !== null && (await teamsOf(deps, viewer.id)).includes(row.team_id);
}
