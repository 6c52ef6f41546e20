import { sql } from 'kysely';
import type { CrawlRunStatus, CrawlRunTable } from '../../db/schema/crawlRun.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { actorLabel, inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { Problem } from '../problem.js';
import { addToFrontier, type FrontierEntry } from './frontier.js';
import { validateProfile, type CrawlProfile } from './profile.js';
import { getProfileByName, getProfileById } from './profileService.js';

export const CRAWL_RUN_TASK = 'crawl.run';


export interface RunProgress {
  id: string;
  profileId: string;
  profileName: string;
  profileVersion: number;
  kind: CrawlRunTable['kind'];
  status: CrawlRunStatus;
  startedAt: string;
  finishedAt: string | null;
  /** URLs by state: queued (incl. in flight), fetched, failed, skipped (robots, duplicates, budget). */
  queued: number;
  fetching: number;
  fetched: number;
  errors: number;
  skipped: number;
  itemsFound: number;
  captures: number;
}

export function runProfile(run: Pick<CrawlRunTable, 'profile_definition'>): CrawlProfile {
  return validateProfile(JSON.parse(run.profile_definition));
}

/**
 * Starts a run of a profile: seeds its start URLs and sitemaps (a recrawl also every page the profile has seen and
 * not yet seen gone). A profile has at most one active run: starting again returns the active one (`resumed`).
 */
export async function startRun(
  deps: ServiceDeps,
  actor: Actor,
  profileName: string,
  opts: { kind?: CrawlRunTable['kind'] } = {},
): Promise<{ run: CrawlRunTable; resumed: boolean }> {
  const stored = await getProfileByName(deps, profileName);
  return inTransaction(deps, async (tx) => {
    // Lock the profile row: two starts at once create one run.
    await tx.db.updateTable('crawl_profile').set({ updated_at: sql`updated_at` }).where('id', '=', stored.id).execute();
    const active = await tx.db.selectFrom('crawl_run').selectAll().where('profile_id', '=', stored.id).where('status', 'in', ['running', 'paused']).executeTakeFirst();
    if (active) return { run: active, resumed: true };
    const now = isoNow(tx.clock);
    const known = await tx.db.selectFrom('crawl_page').select('url_hash').where('profile_id', '=', stored.id).limit(1).executeTakeFirst();
    const kind = opts.kind ?? (known ? 'recrawl' : 'crawl');
    const run: CrawlRunTable = {
      id: uuidv7(tx.clock.now().getTime()),
      profile_id: stored.id,
      profile_version: stored.version,
      profile_definition: JSON.stringify(stored.profile),
      status: 'running',
      kind,
      url_count: 0,
      started_by: actorLabel(actor),
      started_at: now,
      finished_at: null,
      updated_at: now,
    };
    await tx.db.insertInto('crawl_run').values(run).execute();
    const p = stored.profile;
    const seeds: FrontierEntry[] = [
      ...p.startUrls.map((url) => ({ url, kind: 'page' as const, depth: 0, priority: 10, viaLink: true })),
      ...p.sitemaps.map((url) => ({ url, kind: 'sitemap' as const, depth: 0, priority: 10, viaLink: true })),
    ];
    if (kind === 'recrawl') {
      const pages = await tx.db.selectFrom('crawl_page').select('url').where('profile_id', '=', stored.id).where('gone_at', 'is', null).execute();
      const itemPage = new RegExp(p.itemPages, 'u');
      // Known ads are revisited without expanding their links (depth at the limit): the listings do that.
      const ads = pages.filter((pg) => itemPage.test(new URL(pg.url).pathname + new URL(pg.url).search));
      seeds.push(...ads.map((pg) => ({ url: pg.url, kind: 'page' as const, depth: p.limits.maxDepth, priority: 0, viaLink: false })));
    }
    await addToFrontier(tx, run.id, seeds, p.limits.maxPages);
    await appendAudit(tx, actor, { action: 'crawl.run_start', target: { type: 'crawl_run', id: run.id }, details: { profile: stored.id, kind, seeds: seeds.length } });
    return { run, resumed: false };
  });
}

export async function setRunStatus(deps: ServiceDeps, actor: Actor, runId: string, status: 'running' | 'paused' | 'cancelled'): Promise<CrawlRunTable> {
  return inTransaction(deps, async (tx) => {
    const run = await tx.db.selectFrom('crawl_run').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!run) throw new Problem(404, 'crawl.run_not_found', 'the crawl run was not found');
    const allowed: Record<string, CrawlRunStatus[]> = { running: ['paused'], paused: ['running'], cancelled: ['running', 'paused'] };
    if (run.status === status) return run;
    if (!allowed[status]!.includes(run.status)) throw new Problem(409, 'crawl.run_state', `a ${run.status} run cannot become ${status}`);
    const now = isoNow(tx.clock);
    const finished = status === 'cancelled' ? now : null;
    await tx.db.updateTable('crawl_run').set({ status, updated_at: now, finished_at: finished }).where('id', '=', runId).execute();
    if (status === 'cancelled') {
      await tx.db.updateTable('crawl_frontier').set({ status: 'skipped', error_code: 'run_cancelled' }).where('run_id', '=', runId).where('status', '=', 'queued').execute();
    }
    const action = status === 'paused' ? 'crawl.run_pause' : status === 'running' ? 'crawl.run_resume' : 'crawl.run_cancel';
    await appendAudit(tx, actor, { action, target: { type: 'crawl_run', id: runId } });
    return { ...run, status, updated_at: now, finished_at: finished };
  });
}

export async function getRun(deps: ServiceDeps, runId: string): Promise<CrawlRunTable> {
  const run = await deps.db.selectFrom('crawl_run').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw new Problem(404, 'crawl.run_not_found', 'the crawl run was not found');
  return run;
}

/** Progress of runs, newest first, counted from the frontier and the captures (never from separate counters). */
export async function listRuns(deps: ServiceDeps, opts: { limit?: number; runId?: string } = {}): Promise<RunProgress[]> {
  let q = deps.db
    .selectFrom('crawl_run as r')
    .innerJoin('crawl_profile as p', 'p.id', 'r.profile_id')
    .select(['r.id', 'r.profile_id', 'p.name', 'r.profile_version', 'r.kind', 'r.status', 'r.started_at', 'r.finished_at'])
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(opts.limit ?? 20);
  if (opts.runId) q = q.where('r.id', '=', opts.runId);
  const runs = await q.execute();
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  const counts = await deps.db
    .selectFrom('crawl_frontier')
    .select(['run_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('run_id', 'in', ids)
    .groupBy(['run_id', 'status'])
    .execute();
  const items = await deps.db
    .selectFrom('crawl_capture')
    .select(['run_id', (eb) => eb.fn.count<number>('item_id').distinct().as('items'), (eb) => eb.fn.countAll<number>().as('captures')])
    .where('run_id', 'in', ids)
    .groupBy('run_id')
    .execute();
  return runs.map((r) => {
    const c = (s: string) => Number(counts.find((x) => x.run_id === r.id && x.status === s)?.n ?? 0);
    const it = items.find((x) => x.run_id === r.id);
    return {
      id: r.id,
      profileId: r.profile_id,
      profileName: r.name,
      profileVersion: Number(r.profile_version),
      kind: r.kind,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      queued: c('queued'),
      fetching: c('fetching'),
      fetched: c('done'),
      errors: c('failed'),
      skipped: c('skipped'),
      itemsFound: Number(it?.items ?? 0),
      captures: Number(it?.captures ?? 0),
    };
  });
}

export { getProfileById };
