import { sql } from 'kysely';
import type { CrawlFrontierTable, CrawlHostTable } from '../../db/schema/index.js';
import { findDeadWorkers } from '../../jobs/workerRegistry.js';
import { isoNow } from '../clock.js';
import { inTransaction, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { canonicalUrl, hostKey, urlHash } from './canonicalUrl.js';

export interface FrontierEntry {
  url: string;
  kind: CrawlFrontierTable['kind'];
  depth: number;
  priority?: number;
  itemId?: string | null;
  /** Found through a link in this run (as opposed to re-seeded by a recrawl): used to notice delisted ads. */
  viaLink?: boolean;
}

/** A claimed URL: the frontier row (now `fetching`) and its host (leased to the claimer). */
export interface Claim {
  entry: CrawlFrontierTable;
  host: CrawlHostTable;
}

const isPg = (deps: ServiceDeps) => deps.config.databaseUrl !== undefined;

/**
 * Adds URLs to a run's frontier, once each (canonical URL per run), within the run's page budget. The run row is
 * touched first, which serialises concurrent adders of one run on both databases, so the budget holds exactly.
 * Returns how many rows were new.
 */
export async function addToFrontier(deps: ServiceDeps, runId: string, entries: readonly FrontierEntry[], maxPages: number): Promise<number> {
  if (entries.length === 0) return 0;
  return inTransaction(deps, async (tx) => {
    const now = isoNow(tx.clock);
    await tx.db.updateTable('crawl_run').set({ updated_at: now }).where('id', '=', runId).execute();
    const { url_count } = await tx.db.selectFrom('crawl_run').select('url_count').where('id', '=', runId).executeTakeFirstOrThrow();
    let room = maxPages - Number(url_count);
    let added = 0;
    const seen = new Set<string>();
    for (const e of entries) {
      const url = canonicalUrl(e.url);
      if (!url) continue;
      const hash = urlHash(url);
      if (seen.has(hash)) continue;
      seen.add(hash);
      const host = hostKey(url);
      if (room <= 0) {
        // Over budget: a link to a URL already queued still counts as "seen via a link".
        if (e.viaLink) await tx.db.updateTable('crawl_frontier').set({ via_link: 1 }).where('run_id', '=', runId).where('url_hash', '=', hash).execute();
        continue;
      }
      const markLinked = () => tx.db.updateTable('crawl_frontier').set({ via_link: 1 }).where('run_id', '=', runId).where('url_hash', '=', hash).executeTakeFirst();
      if (e.viaLink && Number((await markLinked()).numUpdatedRows) > 0) continue;
      const res = await tx.db
        .insertInto('crawl_frontier')
        .values({
          id: uuidv7(tx.clock.now().getTime()),
          run_id: runId,
          url,
          url_hash: hash,
          host,
          kind: e.kind,
          depth: e.depth,
          priority: e.priority ?? 0,
          item_id: e.itemId ?? null,
          via_link: e.viaLink ? 1 : 0,
          status: 'queued',
          next_fetch_at: now,
          attempts: 0,
          locked_by: null,
          lease_until: null,
          http_status: null,
          content_hash: null,
          capture_id: null,
          error_code: null,
          fetched_at: null,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['run_id', 'url_hash']).doNothing())
        .executeTakeFirst();
      const created = Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
      if (!created && e.viaLink) await markLinked();
      if (created) {
        added++;
        room--;
        await tx.db
          .insertInto('crawl_host')
          .values({ host, next_allowed_at: now, lease_holder: null, lease_until: null, robots_txt: null, robots_status: null, robots_fetched_at: null, backoff_level: 0, updated_at: now })
          .onConflict((oc) => oc.column('host').doNothing())
          .execute();
      }
    }
    if (added > 0) await tx.db.updateTable('crawl_run').set((eb) => ({ url_count: eb('url_count', '+', added) })).where('id', '=', runId).execute();
    return added;
  });
}

/**
 * Claims one due URL of a running run on a host nobody else holds and that may be asked now. The host lease is
 * taken with one conditional UPDATE, which only one worker can win on either database (PostgreSQL re-checks the
 * condition after the row lock), so one request at a time per host holds across processes. The frontier row is then
 * claimed under the lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL).
 */
export async function claimNext(deps: ServiceDeps, workerId: string, opts: { runId?: string; leaseMs: number }): Promise<Claim | null> {
  const now = isoNow(deps.clock);
  const leaseUntil = new Date(deps.clock.now().getTime() + opts.leaseMs).toISOString();
  let q = deps.db
    .selectFrom('crawl_frontier as f')
    .innerJoin('crawl_run as r', 'r.id', 'f.run_id')
    .innerJoin('crawl_host as h', 'h.host', 'f.host')
    .select('f.host')
    .distinct()
    .where('f.status', '=', 'queued')
    .where('f.next_fetch_at', '<=', now)
    .where('r.status', '=', 'running')
    .where('h.next_allowed_at', '<=', now)
    .where((eb) => eb.or([eb('h.lease_until', 'is', null), eb('h.lease_until', '<', now)]))
    .limit(32);
  if (opts.runId) q = q.where('f.run_id', '=', opts.runId);
  const hosts = (await q.execute()).map((r) => r.host);
  // Different workers start from different hosts, so they do not all race for the first one.
  const start = hosts.length ? Math.floor(Math.random() * hosts.length) : 0;
  for (let i = 0; i < hosts.length; i++) {
    const host = hosts[(start + i) % hosts.length]!;
    const leased = await deps.db
      .updateTable('crawl_host')
      .set({ lease_holder: workerId, lease_until: leaseUntil, updated_at: now })
      .where('host', '=', host)
      .where('next_allowed_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returningAll()
      .executeTakeFirst();
    if (!leased) continue;
    const entry = await inTransaction(deps, async (tx) => {
      let pick = tx.db
        .selectFrom('crawl_frontier as f')
        .innerJoin('crawl_run as r', 'r.id', 'f.run_id')
        .select('f.id')
        .where('f.host', '=', host)
        .where('f.status', '=', 'queued')
        .where('f.next_fetch_at', '<=', now)
        .where('r.status', '=', 'running')
        .orderBy('f.priority', 'desc')
        .orderBy('f.depth')
        .orderBy('f.id')
        .limit(1);
      if (opts.runId) pick = pick.where('f.run_id', '=', opts.runId);
      if (isPg(tx)) pick = pick.forUpdate('f').skipLocked();
      const row = await pick.executeTakeFirst();
      if (!row) return undefined;
      return tx.db
        .updateTable('crawl_frontier')
        .set((eb) => ({ status: 'fetching', locked_by: workerId, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', row.id)
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirst();
    });
    if (entry) return { entry, host: leased };
    await releaseHost(deps, host, workerId, null);
  }
  return null;
}

/** Gives the host back; `nextAllowedAt` (the politeness delay or a backoff) when a request was made. */
export async function releaseHost(deps: ServiceDeps, host: string, workerId: string, nextAllowedAt: Date | null, backoffLevel?: number): Promise<void> {
  await deps.db
    .updateTable('crawl_host')
    .set({
      lease_holder: null,
      lease_until: null,
      updated_at: isoNow(deps.clock),
      ...(nextAllowedAt ? { next_allowed_at: nextAllowedAt.toISOString() } : {}),
      ...(backoffLevel !== undefined ? { backoff_level: backoffLevel } : {}),
    })
    .where('host', '=', host)
    .where('lease_holder', '=', workerId)
    .execute();
}

/**
 * Returns to the queue what dead workers held: rows and hosts whose lease ran out, and those of workers whose
 * heartbeat went stale. A row in `fetching` has no recorded effect yet (the capture and the `done` status commit
 * together), so fetching it again is the only way not to lose it.
 */
export async function releaseStale(deps: ServiceDeps): Promise<number> {
  const now = isoNow(deps.clock);
  const dead = (await findDeadWorkers(deps)).map((d) => d.id);
  const rows = await deps.db
    .updateTable('crawl_frontier')
    .set((eb) => ({ status: 'queued', locked_by: null, lease_until: null, attempts: eb('attempts', '-', 1) }))
    .where('status', '=', 'fetching')
    .where((eb) => eb.or([eb('lease_until', '<', now), ...(dead.length ? [eb('locked_by', 'in', dead)] : [])]))
    .executeTakeFirst();
  await deps.db
    .updateTable('crawl_host')
    .set({ lease_holder: null, lease_until: null })
    .where('lease_holder', 'is not', null)
    .where((eb) => eb.or([eb('lease_until', '<', now), ...(dead.length ? [eb('lease_holder', 'in', dead)] : [])]))
    .execute();
  return Number(rows.numUpdatedRows);
}

/** The frontier row's outcome; only the claimer may write it (its lock must still be on the row). */
export async function finishEntry(
  deps: ServiceDeps,
  entry: CrawlFrontierTable,
  workerId: string,
  outcome: Partial<Pick<CrawlFrontierTable, 'status' | 'http_status' | 'content_hash' | 'capture_id' | 'error_code' | 'next_fetch_at' | 'fetched_at' | 'item_id'>> & {
    requeue?: boolean;
  },
): Promise<boolean> {
  const { requeue, ...fields } = outcome;
  const res = await deps.db
    .updateTable('crawl_frontier')
    .set({ ...fields, ...(requeue ? { status: 'queued' } : {}), locked_by: null, lease_until: null })
    .where('id', '=', entry.id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'fetching')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Marks running runs with nothing queued or in flight as done. Returns the ids it finished. */
export async function finishIdleRuns(deps: ServiceDeps, runId?: string): Promise<string[]> {
  let q = deps.db
    .selectFrom('crawl_run as r')
    .select('r.id')
    .where('r.status', '=', 'running')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('crawl_frontier as f').select(sql`1`.as('x')).whereRef('f.run_id', '=', 'r.id').where('f.status', 'in', ['queued', 'fetching']))),
    );
  if (runId) q = q.where('r.id', '=', runId);
  const idle = await q.execute();
  const finished: string[] = [];
  for (const { id } of idle) {
    const now = isoNow(deps.clock);
    const res = await deps.db.updateTable('crawl_run').set({ status: 'done', finished_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) finished.push(id);
  }
  return finished;
}

/** When the next queued URL of the running runs may be fetched (its own time and its host's), or null if none. */
export async function nextDueAt(deps: ServiceDeps, runId?: string): Promise<Date | null> {
  let q = deps.db
    .selectFrom('crawl_frontier as f')
    .innerJoin('crawl_run as r', 'r.id', 'f.run_id')
    .innerJoin('crawl_host as h', 'h.host', 'f.host')
    .select((eb) => eb.fn.min(sql<string>`case when f.next_fetch_at > h.next_allowed_at then f.next_fetch_at else h.next_allowed_at end`).as('at'))
    .where('f.status', '=', 'queued')
    .where('r.status', '=', 'running');
  if (runId) q = q.where('f.run_id', '=', runId);
  const row = await q.executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}
