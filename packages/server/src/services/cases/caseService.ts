// Victim cases: create, read, update (with version conflicts), list with names hidden, share, erase, and
// export of a person's data. Identifying values are sealed field by field (fieldCrypto); every read of a case
// is written to its access log and to the audit chain, which carries ids and field names, never values.
import { ageBandOn, CASE_TRANSITIONS, parseCaseRecord, type CaseRecord, type ValidationIssue } from '@centinela/core';
import type { CaseRecordTable } from '../../db/schema/index.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { Problem } from '../problem.js';
import { caseInScope, isOwnerOrSupervisor, teamsOf, whereVisible, type Viewer } from './caseScope.js';
import { mergeCase, splitCase } from './caseSplit.js';
import { deleteSealedFields, readSealedFields, writeSealedFields } from './fieldCrypto.js';

export const CASE_RECORD_TYPE = 'case_record';

export interface CaseSummary {
  id: string;
  version: number;
  status: string;
  registeredOn: string;
  ageBand: string;
  gender: string | null;
  exploitation: string[];
  ownerId: string;
  teamId: string | null;
  /** Only when names were asked for (and that read is logged). */
  name?: string | null;
  updatedAt: string;
}

export interface CaseView {
  id: string;
  version: number;
  ownerId: string;
  teamId: string | null;
  record: CaseRecord;
  warnings: readonly ValidationIssue[];
  retentionUntil: string;
  createdAt: string;
  updatedAt: string;
}

export function parseOrRefuse(input: unknown, now: Date): { record: CaseRecord; warnings: readonly ValidationIssue[] } {
  const parsed = parseCaseRecord(input, { now });
  if (!parsed.ok) {
    throw new Problem(422, 'case.invalid', `the case record has ${parsed.errors.length} error(s); the first: ${parsed.errors[0]?.field}: ${parsed.errors[0]?.message}`, {
      issues: parsed.errors,
      warnings: parsed.warnings,
    });
  }
  return { record: parsed.value, warnings: parsed.warnings };
}

const retentionFrom = (deps: ServiceDeps) => new Date(deps.clock.now().getTime() + deps.config.caseRetentionDays * 86_400_000).toISOString().slice(0, 10);

/** Writes the access log entry the owner sees, and the audit entry, for one read or change of a case. */
export async function logCaseAccess(deps: ServiceDeps, actor: Actor, caseId: string, action: string, details: Record<string, string | number | string[]> = {}): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await tx.db.insertInto('case_access').values({ id: uuidv7(tx.clock.now().getTime()), case_id: caseId, user_id: actor.id, action, at: isoNow(tx.clock) }).execute();
    await appendAudit(tx, actor, { action: `case.${action}`, target: { type: 'case', id: caseId }, details });
  });
}

async function storeRow(deps: ServiceDeps, id: string, record: CaseRecord): Promise<Pick<CaseRecordTable, 'status' | 'registered_on' | 'age_band' | 'clear_data'>> {
  const { clear, sealed } = splitCase(record);
  await writeSealedFields(deps, CASE_RECORD_TYPE, id, sealed);
  return {
    status: record.case.status,
    registered_on: record.case.registeredOn,
    age_band: ageBandOn(record.person.birthdate, record.case.registeredOn),
    clear_data: JSON.stringify(clear),
  };
}

export async function createCase(deps: ServiceDeps, actor: Actor, viewer: Viewer, input: unknown, opts: { teamId?: string | undefined } = {}): Promise<CaseView> {
  const { record, warnings } = parseOrRefuse(input, deps.clock.now());
  return inTransaction(deps, async (tx) => {
    const teams = await teamsOf(tx, viewer.id);
    if (opts.teamId && !teams.includes(opts.teamId)) throw new Problem(403, 'case.not_team_member', 'a case can only be filed under one of your own teams');
    const id = uuidv7(tx.clock.now().getTime());
    const now = isoNow(tx.clock);
    const stored = await storeRow(tx, id, record);
    const row: CaseRecordTable = { id, owner_id: viewer.id, team_id: opts.teamId ?? teams[0] ?? null, version: 1, ...stored, retention_until: retentionFrom(tx), created_at: now, updated_at: now };
    await tx.db.insertInto('case_record').values(row).execute();
    await logCaseAccess(tx, actor, id, 'create', { fields: fieldNames(record) });
    return { id, version: 1, ownerId: row.owner_id, teamId: row.team_id, record, warnings, retentionUntil: row.retention_until, createdAt: now, updatedAt: now };
  });
}

function fieldNames(record: CaseRecord): string[] {
  return Object.entries(record).flatMap(([section, value]) => (Array.isArray(value) ? [`${section}[${value.length}]`] : Object.keys(value ?? {}).map((k) => `${section}.${k}`)));
}

async function toView(deps: ServiceDeps, row: CaseRecordTable): Promise<CaseView> {
  const sealed = (await readSealedFields(deps, CASE_RECORD_TYPE, [row.id])).get(row.id) ?? new Map();
  const record = mergeCase(JSON.parse(row.clear_data) as CaseRecord, sealed);
  const parsed = parseCaseRecord(record, { now: deps.clock.now() });
  return {
    id: row.id,
    version: Number(row.version),
    ownerId: row.owner_id,
    teamId: row.team_id,
    record,
    warnings: parsed.warnings,
    retentionUntil: row.retention_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Records of some cases for an export; without `includeIdentifying` no sealed field is opened. */
export async function readCaseRecords(deps: ServiceDeps, ids: readonly string[], includeIdentifying: boolean): Promise<Array<{ id: string; record: CaseRecord }>> {
  if (ids.length === 0) return [];
  const rows = await deps.db.selectFrom('case_record').select(['id', 'clear_data']).where('id', 'in', [...ids]).orderBy('id').execute();
  const sealed = includeIdentifying ? await readSealedFields(deps, CASE_RECORD_TYPE, ids) : new Map<string, Map<string, string>>();
  return rows.map((r) => ({ id: r.id, record: mergeCase(JSON.parse(r.clear_data) as CaseRecord, sealed.get(r.id) ?? new Map()) }));
}

export async function getCase(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string): Promise<CaseView> {
  return inTransaction(deps, async (tx) => {
    const row = await caseInScope(tx, viewer, caseId);
    await logCaseAccess(tx, actor, caseId, 'read');
    return toView(tx, row);
  });
}

/** Replaces the record when `baseVersion` is the stored version; otherwise 409 `case.conflict`. */
export async function updateCase(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string, baseVersion: number, input: unknown): Promise<CaseView> {
  const { record } = parseOrRefuse(input, deps.clock.now());
  return inTransaction(deps, async (tx) => {
    const row = await caseInScope(tx, viewer, caseId);
    if (Number(row.version) !== baseVersion) {
      throw new Problem(409, 'case.conflict', `the case changed since it was read (version ${baseVersion}, now ${row.version}); reload and try again`, { expectedVersion: Number(row.version), baseVersion });
    }
    checkStatusChange(row.status, record.case.status);
    const stored = await storeRow(tx, caseId, record);
    const now = isoNow(tx.clock);
    const res = await tx.db
      .updateTable('case_record')
      .set({ ...stored, version: baseVersion + 1, updated_at: now, retention_until: retentionFrom(tx) })
      .where('id', '=', caseId)
      .where('version', '=', baseVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new Problem(409, 'case.conflict', 'the case changed while it was saved; reload and try again');
    await logCaseAccess(tx, actor, caseId, 'update', { fields: fieldNames(record) });
    return toView(tx, { ...row, ...stored, version: baseVersion + 1, updated_at: now });
  });
}

const CLOSED = new Set(['Closed', 'ClosedReferred']);

/** A status change follows core CASE_TRANSITIONS: a closed case is only reopened (to Active), never edited into another closed or follow-up state. */
function checkStatusChange(from: string, to: string): void {
  if (from === to) return;
  const event = CLOSED.has(from) ? (to === 'Active' ? 'case.reopened' : null) : CLOSED.has(to) ? 'case.closed' : 'case.status_changed';
  const allowed = CASE_TRANSITIONS[from as keyof typeof CASE_TRANSITIONS] ?? [];
  if (!event || !allowed.includes(event)) {
    throw new Problem(409, 'case.invalid_transition', `a ${from} case cannot become ${to}`, { from, to, allowed });
  }
}

const displayName = (values: ReadonlyMap<string, string> | undefined): string | null => {
  if (!values) return null;
  const parts = ['person.firstName', 'person.middleName', 'person.secondName'].map((p) => values.get(p)).filter((v): v is string => v !== undefined);
  return parts.length > 0 ? parts.map((p) => JSON.parse(p) as string).join(' ') : null;
};

/** Cases the viewer may see, newest first, names hidden unless asked for (each case whose name is shown is logged). */
export async function listCases(deps: ServiceDeps, actor: Actor, viewer: Viewer, opts: { showNames?: boolean; status?: string | undefined } = {}): Promise<CaseSummary[]> {
  let q = whereVisible(deps.db.selectFrom('case_record').selectAll(), viewer);
  if (opts.status) q = q.where('status', '=', opts.status);
  const rows = await q.orderBy('id', 'desc').limit(500).execute();
  const names = opts.showNames ? await readSealedFields(deps, CASE_RECORD_TYPE, rows.map((r) => r.id), (f) => f.startsWith('person.') && f.endsWith('Name')) : null;
  // One transaction for the whole list: one commit, and never a partial access log.
  if (names) await inTransaction(deps, async (tx) => { for (const r of rows) await logCaseAccess(tx, actor, r.id, 'list_names'); });
  else await appendAudit(deps, actor, { action: 'case.list', details: { count: rows.length } });
  return rows.map((r) => {
    const clear = JSON.parse(r.clear_data) as CaseRecord;
    const summary: CaseSummary = {
      id: r.id,
      version: Number(r.version),
      status: r.status,
      registeredOn: r.registered_on,
      ageBand: r.age_band,
      gender: clear.person.gender ?? null,
      exploitation: [...(clear.victim?.typeOfExploitation ?? [])],
      ownerId: r.owner_id,
      teamId: r.team_id,
      updatedAt: r.updated_at,
    };
    if (names) summary.name = displayName(names.get(r.id));
    return summary;
  });
}

export async function shareCase(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string, userId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const row = await caseInScope(tx, viewer, caseId);
    if (!(await isOwnerOrSupervisor(tx, viewer, row))) throw new Problem(403, 'case.not_owner', 'only the owner or a supervisor of the team can share a case');
    const user = await tx.db.selectFrom('app_user').select(['id', 'roles']).where('id', '=', userId).executeTakeFirst();
    if (!user || !(JSON.parse(user.roles) as string[]).some((r) => r === 'caseworker' || r === 'supervisor')) {
      throw new Problem(422, 'case.share_target_invalid', 'a case can only be shared with a caseworker or supervisor');
    }
    await tx.db
      .insertInto('case_share')
      .values({ case_id: caseId, user_id: userId, created_by: viewer.id, created_at: isoNow(tx.clock) })
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
      .execute();
    await logCaseAccess(tx, actor, caseId, 'share', { sharedWith: userId });
  });
}

export interface AccessLogEntry {
  userId: string | null;
  displayName: string | null;
  action: string;
  at: string;
}

/** The access log of a case, for its owner and the team's supervisors. */
export async function caseAccessLog(deps: ServiceDeps, viewer: Viewer, caseId: string): Promise<AccessLogEntry[]> {
  const row = await caseInScope(deps, viewer, caseId);
  if (!(await isOwnerOrSupervisor(deps, viewer, row))) throw new Problem(403, 'case.not_owner', 'only the owner or a supervisor of the team can see the access log');
  return accessLogRows(deps, caseId);
}

/** The newest 1,000 reads of a case, for a caller that has checked the viewer may see them. */
async function accessLogRows(deps: ServiceDeps, caseId: string): Promise<AccessLogEntry[]> {
  const rows = await deps.db
    .selectFrom('case_access')
    .leftJoin('app_user', 'app_user.id', 'case_access.user_id')
    .select(['case_access.user_id', 'app_user.display_name', 'case_access.action', 'case_access.at'])
    .where('case_access.case_id', '=', caseId)
    .orderBy('case_access.at', 'desc')
    .orderBy('case_access.id', 'desc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, action: r.action, at: r.at }));
}

/** Removes a case and everything hanging from it. The audit chain keeps that it happened, and why by code only. */
export async function deleteCaseData(deps: ServiceDeps, caseId: string): Promise<void> {
  const tasks = await deps.db.selectFrom('case_task').select('id').where('case_id', '=', caseId).execute();
  await deleteSealedFields(deps, 'case_task', tasks.map((t) => t.id));
  await deleteSealedFields(deps, CASE_RECORD_TYPE, [caseId]);
  // Sealed free text of the case's events (referral reasons, override justifications) is filed under the case id.
  await deps.db.deleteFrom('sealed_field').where('record_type', '=', 'case_event').where('record_id', 'like', `${caseId}/%`).execute();
  for (const table of ['case_task', 'case_link', 'case_referral', 'case_event', 'case_share'] as const) {
    await deps.db.deleteFrom(table).where('case_id', '=', caseId).execute();
  }
  await deps.db.deleteFrom('case_record').where('id', '=', caseId).execute();
  // The access log of an erased case says nothing about the person; it is kept so the reads stay accountable.
}

/** Right to erasure: the owner or a supervisor deletes the case and its person's data for good. */
export async function eraseCase(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string, reason: 'erasure_request' | 'entered_in_error'): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const row = await caseInScope(tx, viewer, caseId);
    if (!(await isOwnerOrSupervisor(tx, viewer, row))) throw new Problem(403, 'case.not_owner', 'only the owner or a supervisor of the team can erase a case');
    await deleteCaseData(tx, caseId);
    await logCaseAccess(tx, actor, caseId, 'erase', { reason });
  });
}

/** Everything stored about the person of a case, in clear, for a subject access request. Logged and audited. */
export async function exportPersonData(deps: ServiceDeps, actor: Actor, viewer: Viewer, caseId: string): Promise<Record<string, unknown>> {
  return inTransaction(deps, async (tx) => {
    const row = await caseInScope(tx, viewer, caseId);
    if (!(await isOwnerOrSupervisor(tx, viewer, row))) throw new Problem(403, 'case.not_owner', 'only the owner or a supervisor of the team can export a person’s data');
    const view = await toView(tx, row);
    const events = await tx.db.selectFrom('case_event').select(['stream', 'seq', 'type', 'body', 'at']).where('case_id', '=', caseId).orderBy('stream').orderBy('seq').execute();
    const referrals = await tx.db.selectFrom('case_referral').selectAll().where('case_id', '=', caseId).execute();
    const links = await tx.db.selectFrom('case_link').select(['target_type', 'target_id', 'created_at']).where('case_id', '=', caseId).execute();
    const access = await accessLogRows(tx, caseId);
    const sealedRows = await tx.db.selectFrom('sealed_field').select('record_id').where('record_type', '=', 'case_event').where('record_id', 'like', `${caseId}/%`).execute();
    const eventText = await readSealedFields(tx, 'case_event', sealedRows.map((r) => r.record_id));
    await logCaseAccess(tx, actor, caseId, 'export_person');
    return {
      exportedAt: isoNow(tx.clock),
      case: { id: view.id, version: view.version, createdAt: view.createdAt, updatedAt: view.updatedAt, retentionUntil: view.retentionUntil },
      record: view.record,
      events: events.map((e) => {
        const text = eventText.get(`${caseId}/${e.stream}/${e.seq}`);
        return { stream: e.stream, seq: Number(e.seq), type: e.type, at: e.at, event: JSON.parse(e.body) as unknown, ...(text ? { sealedText: Object.fromEntries(text) } : {}) };
      }),
      referrals: referrals.map((r) => ({ id: r.id, toOrganisationId: r.to_organisation_id, kind: r.kind, purpose: r.purpose, status: r.status, basis: r.basis, sharedFields: JSON.parse(r.shared_fields) as string[], createdAt: r.created_at })),
      links: links.map((l) => ({ type: l.target_type, id: l.target_id, createdAt: l.created_at })),
      accessLog: access,
    };
  });
}
