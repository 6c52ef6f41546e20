import { canonicalJson, type JsonValue } from '@centinela/core';
import type { CrawlProfileTable } from '../../db/schema/index.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { actorLabel, inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { Problem } from '../problem.js';
import { validateProfile, type CrawlProfile } from './profile.js';

export interface StoredProfile {
  id: string;
  name: string;
  version: number;
  profile: CrawlProfile;
  createdAt: string;
  updatedAt: string;
}


export function toStoredProfile(row: CrawlProfileTable): StoredProfile {
  return {
    id: row.id,
    name: row.name,
    version: Number(row.version),
    profile: validateProfile(JSON.parse(row.definition)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Adds a profile, or replaces the one of the same name (its version goes up; past runs keep theirs). */
export async function saveProfile(deps: ServiceDeps, actor: Actor, profile: CrawlProfile): Promise<{ profile: StoredProfile; created: boolean }> {
  const definition = canonicalJson(JSON.parse(JSON.stringify(profile)) as JsonValue);
  return inTransaction(deps, async (tx) => {
    const now = isoNow(tx.clock);
    const existing = await tx.db.selectFrom('crawl_profile').selectAll().where('name', '=', profile.name).executeTakeFirst();
    let row: CrawlProfileTable;
    if (existing) {
      if (existing.definition === definition) return { profile: toStoredProfile(existing), created: false };
      row = { ...existing, definition, version: Number(existing.version) + 1, updated_at: now };
      await tx.db.updateTable('crawl_profile').set({ definition, version: row.version, updated_at: now }).where('id', '=', existing.id).execute();
    } else {
      row = { id: uuidv7(tx.clock.now().getTime()), name: profile.name, definition, version: 1, created_by: actorLabel(actor), created_at: now, updated_at: now };
      await tx.db.insertInto('crawl_profile').values(row).execute();
    }
    await appendAudit(tx, actor, {
      action: existing ? 'crawl.profile_update' : 'crawl.profile_create',
      target: { type: 'crawl_profile', id: row.id },
      details: { version: row.version, startUrls: profile.startUrls.length },
    });
    return { profile: toStoredProfile(row), created: !existing };
  });
}

export async function listProfiles(deps: ServiceDeps): Promise<StoredProfile[]> {
  const rows = await deps.db.selectFrom('crawl_profile').selectAll().orderBy('name').execute();
  return rows.map(toStoredProfile);
}

export async function getProfileByName(deps: ServiceDeps, name: string): Promise<StoredProfile> {
  const row = await deps.db.selectFrom('crawl_profile').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) throw new Problem(404, 'crawl.profile_not_found', `no crawl profile is called ${name}`);
  return toStoredProfile(row);
}

export async function getProfileById(deps: ServiceDeps, id: string): Promise<StoredProfile> {
  const row = await deps.db.selectFrom('crawl_profile').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new Problem(404, 'crawl.profile_not_found', 'the crawl profile was not found');
  return toStoredProfile(row);
}
