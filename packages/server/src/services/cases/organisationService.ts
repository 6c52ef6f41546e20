// The directory of service organisations (what they offer, whom they serve), their partner users, and teams.
import type { JsonValue } from '@centinela/core';
import type { ServiceOrganisationTable } from '../../db/schema/index.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { notFound, Problem } from '../problem.js';

export const SERVICE_KINDS = ['shelter', 'health', 'psychosocial', 'legal_aid', 'immigration', 'repatriation', 'employment', 'education', 'child_protection', 'law_enforcement'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export interface Eligibility {
  sexes?: string[] | undefined;
  minAge?: number | undefined;
  maxAge?: number | undefined;
  exploitation?: string[] | undefined;
  notes?: string | undefined;
}

export interface Organisation {
  id: string;
  name: string;
  country: string | null;
  services: ServiceKind[];
  eligibility: Eligibility;
}

const toOrganisation = (r: ServiceOrganisationTable): Organisation => ({
  id: r.id,
  name: r.name,
  country: r.country,
  services: JSON.parse(r.services) as ServiceKind[],
  eligibility: JSON.parse(r.eligibility) as Eligibility,
});

export async function listOrganisations(deps: ServiceDeps, filter: { service?: string | undefined } = {}): Promise<Organisation[]> {
  const rows = (await deps.db.selectFrom('service_organisation').selectAll().orderBy('name').execute()).map(toOrganisation);
  return filter.service ? rows.filter((o) => (o.services as string[]).includes(filter.service!)) : rows;
}

export async function getOrganisation(deps: ServiceDeps, id: string): Promise<Organisation> {
  const row = await deps.db.selectFrom('service_organisation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('organisation');
  return toOrganisation(row);
}

export async function createOrganisation(deps: ServiceDeps, actor: Actor, input: Omit<Organisation, 'id'>): Promise<Organisation> {
  return inTransaction(deps, async (tx) => {
    if (await tx.db.selectFrom('service_organisation').select('id').where('name', '=', input.name).executeTakeFirst()) {
      throw new Problem(409, 'organisation.name_taken', 'an organisation with this name already exists');
    }
    const now = isoNow(tx.clock);
    const row: ServiceOrganisationTable = {
      id: uuidv7(tx.clock.now().getTime()),
      name: input.name,
      country: input.country,
      services: JSON.stringify([...new Set(input.services)]),
      eligibility: JSON.stringify(input.eligibility),
      created_at: now,
      updated_at: now,
    };
    await tx.db.insertInto('service_organisation').values(row).execute();
    await appendAudit(tx, actor, { action: 'organisation.create', target: { type: 'organisation', id: row.id }, details: { services: input.services as unknown as JsonValue } });
    return toOrganisation(row);
  });
}

/** Binds a user with the `partner` role to an organisation: they then see the referrals made to it. */
export async function addOrganisationMember(deps: ServiceDeps, actor: Actor, organisationId: string, userId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await getOrganisation(tx, organisationId);
    const user = await tx.db.selectFrom('app_user').select('roles').where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('user');
    if (!(JSON.parse(user.roles) as string[]).includes('partner')) throw new Problem(422, 'organisation.member_not_partner', 'only users with the partner role can be members of an organisation');
    await tx.db.insertInto('organisation_member').values({ organisation_id: organisationId, user_id: userId }).onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing()).execute();
    await appendAudit(tx, actor, { action: 'organisation.member_add', target: { type: 'organisation', id: organisationId }, details: { userId } });
  });
}

export async function organisationsOf(deps: ServiceDeps, userId: string): Promise<string[]> {
  return (await deps.db.selectFrom('organisation_member').select('organisation_id').where('user_id', '=', userId).execute()).map((r) => r.organisation_id);
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}

export async function listTeams(deps: ServiceDeps): Promise<Team[]> {
  const teams = await deps.db.selectFrom('team').selectAll().orderBy('name').execute();
  const members = await deps.db.selectFrom('team_member').selectAll().execute();
  return teams.map((t) => ({ id: t.id, name: t.name, memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.user_id) }));
}

export async function createTeam(deps: ServiceDeps, actor: Actor, name: string): Promise<Team> {
  return inTransaction(deps, async (tx) => {
    if (await tx.db.selectFrom('team').select('id').where('name', '=', name).executeTakeFirst()) throw new Problem(409, 'team.name_taken', 'a team with this name already exists');
    const id = uuidv7(tx.clock.now().getTime());
    await tx.db.insertInto('team').values({ id, name, created_at: isoNow(tx.clock) }).execute();
    await appendAudit(tx, actor, { action: 'team.create', target: { type: 'team', id } });
    return { id, name, memberIds: [] };
  });
}

export async function addTeamMember(deps: ServiceDeps, actor: Actor, teamId: string, userId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    if (!(await tx.db.selectFrom('team').select('id').where('id', '=', teamId).executeTakeFirst())) throw notFound('team');
    if (!(await tx.db.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst())) throw notFound('user');
    await tx.db.insertInto('team_member').values({ team_id: teamId, user_id: userId }).onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing()).execute();
    await appendAudit(tx, actor, { action: 'team.member_add', target: { type: 'team', id: teamId }, details: { userId } });
  });
}
