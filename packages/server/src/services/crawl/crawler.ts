import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import type { BlobStore } from '../../blobs/blobStore.js';
import type { CrawlFrontierTable, CrawlRunTable } from '../../db/schema/index.js';
import { dbQueue } from '../../jobs/enqueueInDb.js';
import { FetchError, fetcherFor, type HttpExchange, type SafeFetcher, type SafeFetchResult } from '../../net/safeFetch.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { inTransaction, systemActor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { currentAnalysisVersion, queueAnalysis } from '../itemAnalysis.js';
import { isoInstant } from '../itemInput.js';
import { ingestItems } from '../itemService.js';
import { recordCapture, sealWarc, type CaptureMeta } from './captureStore.js';
import { canonicalUrl, hostKey, urlHash } from './canonicalUrl.js';
import { decodeHtml, extractPage, type ExtractedFields } from './extract.js';
import { addToFrontier, claimNext, finishEntry, finishIdleRuns, nextDueAt, releaseHost, releaseStale, type Claim, type FrontierEntry } from './frontier.js';
import { processImage } from './images.js';
import { compileProfile, isItemPage, mayFollow, type CompiledProfile } from './profile.js';
import { ROBOTS_ERROR_TTL_MS, robotsRules, robotsStale, sitemapLocations } from './robots.js';
import { renderPage } from './render.js';
import { sha256Hex } from '../../auth/tokens.js';
import { isGoneStatus } from './recheck.js';
import { runProfile } from './runService.js';
import { timed } from '../stageTimes.js';

export interface CrawlerOptions {
  /** Who holds the leases: a registered worker's id, so a dead worker's claims return to the queue. */
  workerId: string;
  /** Only this run's URLs; all running runs when absent. */
  runId?: string;
  /** URLs in flight at once (on different hosts: one request at a time per host always holds). */
  concurrency?: number;
  /** Return when nothing is due (and, with `runId`, when the run is no longer running). Otherwise wait for work. */
  stopWhenIdle?: boolean;
  /** Stop claiming after this long (a job's time slice). */
  maxMs?: number;
  signal?: AbortSignal;
  fetcher?: SafeFetcher;
}

export interface CrawlerResult {
  processed: number;
  finishedRuns: string[];
  /** True when the slice ended with work left (time or signal), false when idle. */
  more: boolean;
}

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
const SITEMAP_TYPES = ['application/xml', 'text/xml', 'application/x-gzip', 'application/gzip', 'text/plain'];
const IMAGE_TYPES = ['image/'];
const MAX_BACKOFF_MS = 3_600_000;
const RETRYABLE = new Set(['fetch.timeout', 'fetch.network']);

interface RunContext {
  run: CrawlRunTable;
  compiled: CompiledProfile;
  profileRef: CaptureMeta['profile'];
}

/**
 * The crawl loop: claim a due URL (host lease), honour robots.txt, fetch it safely, seal the exchanges as a WARC,
 * and record the outcome — capture, page state, item, new links, follow-up images — in one transaction with the
 * frontier row's `done`, so a crash either loses nothing or repeats only an unrecorded fetch.
 */
export async function runCrawler(deps: ServiceDeps, blobs: BlobStore, opts: CrawlerOptions): Promise<CrawlerResult> {
  const fetcher = opts.fetcher ?? fetcherFor(deps.config);
  const leaseMs = deps.config.crawlTimeoutMs + 30_000;
  const concurrency = opts.concurrency ?? 1;
  const started = Date.now();
  const runs = new Map<string, RunContext>();
  const inFlight = new Set<Promise<void>>();
  const finishedRuns: string[] = [];
  let processed = 0;
  let lastRelease = 0;
  let failure: unknown = null;
  // Resolved when an in-flight URL gives its host back before it is fully recorded, so the loop claims again.
  let hostFreed!: () => void;
  let hostFreedSignal = new Promise<void>((r) => (hostFreed = r));
  const onHostReleased = () => {
    hostFreed();
    hostFreedSignal = new Promise<void>((r) => (hostFreed = r));
  };

  const runContext = async (runId: string): Promise<RunContext> => {
    let ctx = runs.get(runId);
    if (!ctx) {
      const run = await deps.db.selectFrom('crawl_run as r').innerJoin('crawl_profile as p', 'p.id', 'r.profile_id').selectAll('r').select('p.name').where('r.id', '=', runId).executeTakeFirstOrThrow();
      const compiled = compileProfile(runProfile(run));
      ctx = { run, compiled, profileRef: { id: run.profile_id, name: run.name, version: Number(run.profile_version) } };
      runs.set(runId, ctx);
    }
    return ctx;
  };

  const outOfTime = () => opts.signal?.aborted || (opts.maxMs !== undefined && Date.now() - started > opts.maxMs);

  while (!outOfTime() && failure === null) {
    if (Date.now() - lastRelease > 2000) {
      await releaseStale(deps);
      lastRelease = Date.now();
    }
    let claim: Claim | null = null;
    if (inFlight.size < concurrency) claim = await timed('crawl: claim', () => claimNext(deps, opts.workerId, { leaseMs, ...(opts.runId ? { runId: opts.runId } : {}) }));
    if (claim) {
      const c = claim;
      const host = { released: false, onReleased: onHostReleased };
      const p = runContext(c.entry.run_id)
        .then((ctx) => processClaim(deps, blobs, fetcher, ctx, c, opts.workerId, host))
        .then(() => {
          processed++;
        })
        .catch(async (err) => {
          // An unexpected error (database, disk): give the URL back and stop, rather than loop on it.
          await finishEntry(deps, c.entry, opts.workerId, { requeue: true }).catch(() => undefined);
          if (!host.released) await releaseHost(deps, c.host.host, opts.workerId, null).catch(() => undefined);
          failure = err;
        })
        .finally(() => {
          inFlight.delete(p);
          // Renewed at every finished URL too, so the loop's waits never pile up on one pending promise.
          onHostReleased();
        });
      inFlight.add(p);
      continue;
    }
    if (inFlight.size > 0) {
      await Promise.race([...inFlight, hostFreedSignal]);
      continue;
    }
    for (const id of await finishIdleRuns(deps, opts.runId)) {
      finishedRuns.push(id);
      await onRunFinished(deps, await runContext(id));
    }
    const due = await nextDueAt(deps, opts.runId);
    if (due === null && opts.stopWhenIdle) break;
    if (opts.runId) {
      const run = await deps.db.selectFrom('crawl_run').select('status').where('id', '=', opts.runId).executeTakeFirst();
      if (run?.status !== 'running' && opts.stopWhenIdle) break;
    }
    const wait = due ? Math.max(5, Math.min(1000, due.getTime() - deps.clock.now().getTime())) : 500;
    await sleep(wait, undefined, opts.signal ? { signal: opts.signal } : {}).catch(() => undefined);
  }
  await Promise.allSettled([...inFlight]);
  if (failure !== null) throw failure;
  return { processed, finishedRuns, more: outOfTime() ?? false };
}

interface HostLease {
  /** Set once the host is given back early (see processClaim). */
  released: boolean;
  onReleased: () => void;
}

async function processClaim(deps: ServiceDeps, blobs: BlobStore, fetcher: SafeFetcher, ctx: RunContext, claim: Claim, workerId: string, lease: HostLease): Promise<void> {
  const { entry, host } = claim;
  const profile = ctx.compiled.profile;
  const politeMs = profile.politeness.delayMs;
  const hostOrigin = new URL(entry.url).origin;

  // robots.txt first, as a request of its own under the same lease and delay.
  if (robotsStale(host.robots_fetched_at, host.robots_status, deps.clock.now())) {
    const robotsUrl = `${hostOrigin}/robots.txt`;
    let res: SafeFetchResult | null = null;
    let exchanges: HttpExchange[] = [];
    try {
      res = await fetcher.fetch(robotsUrl, { maxBytes: 512 * 1024 });
      exchanges = res.exchanges;
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      exchanges = err.exchanges;
    }
    const capturedAt = deps.clock.now();
    const warc = exchanges.length ? await sealWarc(blobs, exchanges, { kind: 'robots', url: robotsUrl, runId: ctx.run.id, profile: ctx.profileRef }, capturedAt) : null;
    await inTransaction(deps, async (tx) => {
      if (warc) await recordCapture(tx, warc, exchanges, { kind: 'robots', url: robotsUrl, runId: ctx.run.id, profile: ctx.profileRef }, capturedAt);
      await tx.db
        .updateTable('crawl_host')
        .set({
          robots_txt: res && res.status < 300 ? res.body.toString('utf8').slice(0, 500_000) : null,
          robots_status: res?.status ?? null,
          robots_fetched_at: isoNow(tx.clock),
        })
        .where('host', '=', host.host)
        .execute();
      // The URL was not fetched: back to the queue without using an attempt.
      await tx.db.updateTable('crawl_frontier').set({ status: 'queued', locked_by: null, lease_until: null, attempts: Number(entry.attempts) - 1 }).where('id', '=', entry.id).where('locked_by', '=', workerId).execute();
    });
    const rules = robotsRules(robotsUrl, res?.status ?? null, res && res.status < 300 ? res.body.toString('utf8') : null);
    await releaseHost(deps, host.host, workerId, after(deps, Math.max(politeMs, rules.crawlDelayMs ?? 0)));
    return;
  }

  const rules = robotsRules(`${hostOrigin}/robots.txt`, host.robots_status, host.robots_txt);
  const delayMs = Math.max(politeMs, rules.crawlDelayMs ?? 0);
  if (!rules.isAllowed(entry.url)) {
    const unavailable = host.robots_status === null || host.robots_status >= 500;
    if (unavailable && Number(entry.attempts) < profile.politeness.maxAttempts) {
      // No answer from robots.txt is no permission: wait for the next robots.txt try, using an attempt.
      await finishEntry(deps, entry, workerId, { requeue: true, next_fetch_at: after(deps, ROBOTS_ERROR_TTL_MS + 1000).toISOString(), error_code: 'robots.unavailable' });
    } else {
      await finishEntry(deps, entry, workerId, { status: 'skipped', error_code: unavailable ? 'robots.unavailable' : 'robots.disallowed' });
    }
    await releaseHost(deps, host.host, workerId, null);
    return;
  }

  const headers: Record<string, string> = {};
  // Conditional requests for ad pages only: listings must be read again to see which ads they still link to.
  if (ctx.run.kind === 'recrawl' && entry.kind === 'page' && isItemPage(ctx.compiled, new URL(entry.url))) {
    const known = await deps.db.selectFrom('crawl_page').select(['etag', 'last_modified']).where('profile_id', '=', ctx.run.profile_id).where('url_hash', '=', entry.url_hash).executeTakeFirst();
    if (known?.etag) headers['If-None-Match'] = known.etag;
    if (known?.last_modified) headers['If-Modified-Since'] = known.last_modified;
  }
  headers.Accept = entry.kind === 'image' ? 'image/*' : entry.kind === 'sitemap' ? 'application/xml, text/xml;q=0.9, */*;q=0.1' : 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';
  const accept = entry.kind === 'image' ? IMAGE_TYPES : entry.kind === 'sitemap' ? SITEMAP_TYPES : HTML_TYPES;

  let res: SafeFetchResult | null = null;
  let error: FetchError | null = null;
  try {
    res = await timed('crawl: fetch', () => fetcher.fetch(entry.url, { headers, accept }));
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    error = err;
  }
  // The request is over: unless the host asks to slow down or a renderer will ask it for more, the host is given back
  // now (its delay counts from here), so the next URL of the same host is fetched while this one is sealed and
  // recorded. The frontier row keeps its own lease until its outcome commits: a crash still repeats only an
  // unrecorded fetch.
  const renders = entry.kind === 'page' && profile.render === 'javascript';
  const releaseEarly = res !== null && res.status !== 429 && res.status !== 503 && !renders;
  if (releaseEarly) {
    await releaseHost(deps, host.host, workerId, after(deps, delayMs), 0);
    lease.released = true;
    lease.onReleased();
  }
  const exchanges = res?.exchanges ?? error?.exchanges ?? [];
  const capturedAt = deps.clock.now();
  const kind: CaptureMeta['kind'] = entry.kind === 'image' ? 'image' : entry.kind === 'sitemap' ? 'sitemap' : 'page';
  const meta: CaptureMeta = { kind, url: entry.url, runId: ctx.run.id, profile: ctx.profileRef, itemId: entry.item_id };
  const warc = exchanges.length ? await timed('crawl: WARC seal', () => sealWarc(blobs, exchanges, meta, capturedAt)) : null;
  const attempts = Number(entry.attempts);
  const maxAttempts = profile.politeness.maxAttempts;
  const status = res?.status ?? null;

  // Overload answers: back off on the whole host, exponentially, at least as long as Retry-After asks.
  if (status === 429 || status === 503) {
    const level = Number(host.backoff_level) + 1;
    const retryAfter = parseRetryAfter(res!.headers['retry-after'], capturedAt);
    const waitMs = Math.min(MAX_BACKOFF_MS, Math.max(retryAfter ?? 0, Math.max(delayMs, 1000) * 2 ** (level - 1)));
    const next = after(deps, waitMs);
    await inTransaction(deps, async (tx) => {
      const capture = warc ? await recordCapture(tx, warc, exchanges, meta, capturedAt) : null;
      const ok = await finishEntry(tx, entry, workerId, {
        ...(attempts < maxAttempts ? { requeue: true, next_fetch_at: next.toISOString() } : { status: 'failed' }),
        http_status: status,
        capture_id: capture?.id ?? null,
        error_code: `http_${status}`,
      });
      if (!ok) throw new LeaseLost();
    }).catch(ignoreLeaseLost);
    await releaseHost(deps, host.host, workerId, next, level);
    return;
  }

  if (error || !res) {
    const retry = RETRYABLE.has(error!.code) && attempts < maxAttempts;
    const next = after(deps, Math.max(delayMs, 1000) * 2 ** attempts);
    await inTransaction(deps, async (tx) => {
      const capture = warc ? await recordCapture(tx, warc, exchanges, meta, capturedAt) : null;
      const ok = await finishEntry(tx, entry, workerId, {
        ...(retry ? { requeue: true, next_fetch_at: next.toISOString() } : { status: 'failed', fetched_at: capturedAt.toISOString() }),
        http_status: exchanges.at(-1)?.status ?? null,
        capture_id: capture?.id ?? null,
        error_code: error!.code,
      });
      if (!ok) throw new LeaseLost();
    }).catch(ignoreLeaseLost);
    await releaseHost(deps, host.host, workerId, after(deps, delayMs), 0);
    return;
  }

  // Rendering (per profile) happens before the transaction: it is slow and talks to the network.
  let html: string | null = null;
  const isHtml = res.contentType !== null && HTML_TYPES.includes(res.contentType);
  if (entry.kind === 'page' && res.status >= 200 && res.status < 300 && isHtml) {
    html = decodeHtml(res.body, res.headers['content-type']);
    if (profile.render === 'javascript') html = await renderPage(deps, fetcher, res.url, html);
  }
  const imageResult = entry.kind === 'image' && res.status >= 200 && res.status < 300 ? await timed('crawl: image PDQ + match', () => processImage(deps, res.body)) : null;

  await timed(entry.kind === 'image' ? 'crawl: record image (tx)' : 'crawl: record page + extract + ingest (tx)', () => inTransaction(deps, async (tx) => {
    const capture = warc ? await recordCapture(tx, warc, exchanges, meta, capturedAt) : null;
    const contentHash = res.status >= 200 && res.status < 300 ? sha256Hex(res.body) : null;
    const outcome: Parameters<typeof finishEntry>[3] = {
      status: 'done',
      http_status: res.status,
      content_hash: contentHash,
      capture_id: capture?.id ?? null,
      fetched_at: capturedAt.toISOString(),
    };
    if (entry.kind === 'page') await recordPageState(tx, ctx, entry, res, capturedAt);
    if (contentHash && entry.kind !== 'image') {
      const twin = await tx.db.selectFrom('crawl_frontier').select('id').where('run_id', '=', entry.run_id).where('content_hash', '=', contentHash).where('id', '!=', entry.id).where('status', '=', 'done').limit(1).executeTakeFirst();
      if (twin) outcome.error_code = 'duplicate_content';
    }
    if (!outcome.error_code && html !== null) {
      await handlePage(tx, ctx, entry, res.url, html, capture?.id ?? null, capturedAt, outcome);
    } else if (!outcome.error_code && entry.kind === 'sitemap' && res.status < 300) {
      const locs = sitemapLocations(sitemapText(res.body, deps.config.crawlMaxBytes), 50_000);
      const entries: FrontierEntry[] = [];
      for (const loc of locs) {
        const u = canonicalUrl(loc);
        if (!u) continue;
        const url = new URL(u);
        if (/\.xml(\.gz)?$/i.test(url.pathname)) entries.push({ url: u, kind: 'sitemap', depth: entry.depth, priority: 5, viaLink: true });
        else if (mayFollow(ctx.compiled, url)) entries.push({ url: u, kind: 'page', depth: entry.depth + 1, priority: isItemPage(ctx.compiled, url) ? 1 : 3, viaLink: true });
      }
      await addToFrontier(tx, entry.run_id, entries, profile.limits.maxPages);
    } else if (entry.kind === 'image' && imageResult && entry.item_id && capture) {
      await imageResult.record(tx, { itemId: entry.item_id, captureId: capture.id, url: entry.url });
    }
    if (capture && outcome.item_id) await tx.db.updateTable('crawl_capture').set({ item_id: outcome.item_id }).where('id', '=', capture.id).execute();
    const ok = await finishEntry(tx, entry, workerId, outcome);
    if (!ok) throw new LeaseLost();
  })).catch(ignoreLeaseLost);
  if (!releaseEarly) await releaseHost(deps, host.host, workerId, after(deps, delayMs), 0);
}

/** Links, pagination and — on ad pages — the item with its images queued for hashing. */
async function handlePage(
  deps: ServiceDeps,
  ctx: RunContext,
  entry: CrawlFrontierTable,
  finalUrl: string,
  html: string,
  captureId: string | null,
  capturedAt: Date,
  outcome: Parameters<typeof finishEntry>[3],
): Promise<void> {
  const c = ctx.compiled;
  const url = new URL(finalUrl);
  const item = isItemPage(c, url) || isItemPage(c, new URL(entry.url));
  const page = await timed('crawl:   of which parse + extract', async () => extractPage(html, finalUrl, c, item));
  const next: FrontierEntry[] = [];
  if (entry.depth < c.profile.limits.maxDepth) {
    const pagination = new Set(page.pagination);
    for (const link of new Set([...page.pagination, ...page.links])) {
      const u = new URL(link);
      if (!mayFollow(c, u, { pagination: pagination.has(link) })) continue;
      next.push({ url: link, kind: 'page', depth: entry.depth + 1, priority: isItemPage(c, u) ? 1 : pagination.has(link) ? 3 : 2, viaLink: true });
    }
  } else {
    // At the depth limit, links to known ads still count as "listed" (for removal detection), without new rows.
    for (const link of page.links) next.push({ url: link, kind: 'page', depth: entry.depth + 1, viaLink: true });
    await markListed(deps, entry.run_id, next.map((n) => n.url));
    next.length = 0;
  }
  const fields = page.fields;
  if (fields) {
    const itemId = await timed('crawl:   of which item ingest + analysis job', () => ingestPageItem(deps, ctx, finalUrl, fields, captureId, capturedAt));
    if (itemId) {
      outcome.item_id = itemId;
      await deps.db.updateTable('crawl_page').set({ item_id: itemId }).where('profile_id', '=', ctx.run.profile_id).where('url_hash', '=', entry.url_hash).execute();
      for (const img of fields.images.slice(0, c.profile.limits.maxImagesPerItem)) {
        next.push({ url: img, kind: 'image', depth: entry.depth, priority: 4, itemId });
      }
    } else outcome.error_code = 'extract.empty';
  }
  await addToFrontier(deps, entry.run_id, next, c.profile.limits.maxPages);
}

async function markListed(deps: ServiceDeps, runId: string, urls: string[]): Promise<void> {
  const hashes = urls.map((u) => canonicalUrl(u)).filter((u): u is string => u !== null).map(urlHash);
  for (let i = 0; i < hashes.length; i += 500) {
    await deps.db.updateTable('crawl_frontier').set({ via_link: 1 }).where('run_id', '=', runId).where('url_hash', 'in', hashes.slice(i, i + 500)).where('via_link', '=', 0).execute();
  }
}

/** The ad as an item, through the ordinary ingest (idempotent by source, URL and content), queued for analysis. */
async function ingestPageItem(deps: ServiceDeps, ctx: RunContext, url: string, f: ExtractedFields, captureId: string | null, capturedAt: Date): Promise<string | null> {
  const posted = f.postedAt ? isoInstant.safeParse(f.postedAt) : null;
  const text = [f.text, f.contact].filter(Boolean).join('\n\n');
  const entry = {
    source: 'crawl',
    url,
    site: hostKey(url).replace(/:\d+$/, '').replace(/^www\./, ''),
    title: f.title,
    text,
    postedAt: posted?.success ? posted.data : null,
    capturedAt: capturedAt.toISOString(),
    locationText: f.location,
    priceText: f.price,
    mediaRefs: f.images.slice(0, 100),
    rawCaptureRef: captureId ? `crawl_capture:${captureId}` : null,
    region: ctx.compiled.profile.region ?? null,
  };
  const { counts, toAnalyse } = await ingestItems(deps, systemActor, [entry], { defaultSource: 'crawl' });
  await queueAnalysis(dbQueue(deps), toAnalyse, currentAnalysisVersion(deps));
  return counts.items[0]?.id ?? null;
}

/** The page across runs: validators, last status, and the first time it was seen gone. */
async function recordPageState(deps: ServiceDeps, ctx: RunContext, entry: CrawlFrontierTable, res: SafeFetchResult, at: Date): Promise<void> {
  const now = at.toISOString();
  const gone = isGoneStatus(res.status);
  const present = (res.status >= 200 && res.status < 300) || res.status === 304;
  const isItem = isItemPage(ctx.compiled, new URL(entry.url));
  const existing = await deps.db.selectFrom('crawl_page').selectAll().where('profile_id', '=', ctx.run.profile_id).where('url_hash', '=', entry.url_hash).executeTakeFirst();
  if (!existing) {
    if (!present && !gone) return;
    if (gone && !isItem) return;
    await deps.db
      .insertInto('crawl_page')
      .values({
        id: uuidv7(at.getTime()),
        profile_id: ctx.run.profile_id,
        url: entry.url,
        url_hash: entry.url_hash,
        first_seen_at: now,
        last_seen_at: now,
        last_checked_at: now,
        last_status: res.status,
        etag: present ? (res.headers.etag ?? null) : null,
        last_modified: present ? (res.headers['last-modified'] ?? null) : null,
        content_hash: null,
        item_id: null,
        gone_at: gone ? now : null,
        gone_reason: gone ? `http_${res.status}` : null,
      })
      .onConflict((oc) => oc.columns(['profile_id', 'url_hash']).doNothing())
      .execute();
    return;
  }
  await deps.db
    .updateTable('crawl_page')
    .set({
      last_checked_at: now,
      last_status: res.status,
      ...(present
        ? {
            last_seen_at: now,
            gone_at: null,
            gone_reason: null,
            ...(res.status !== 304 ? { etag: res.headers.etag ?? null, last_modified: res.headers['last-modified'] ?? null } : {}),
          }
        : {}),
      ...(gone && !existing.gone_at ? { gone_at: now, gone_reason: `http_${res.status}` } : {}),
    })
    .where('id', '=', existing.id)
    .execute();
}

/** Delisted pages marked per statement (bounded parameter count on both databases). */
const DELIST_CHUNK = 500;

/**
 * After a recrawl: an ad page that answered but that no listing linked to any more was taken off the site
 * (`delisted`). Only when the run was not cut by its page budget, which would leave listings unread.
 */
async function onRunFinished(deps: ServiceDeps, ctx: RunContext): Promise<void> {
  const rows = await deps.db.selectFrom('crawl_frontier').select(['url', 'url_hash', 'via_link', 'http_status', 'status', 'kind']).where('run_id', '=', ctx.run.id).execute();
  let delisted = 0;
  const cut = rows.length >= ctx.compiled.profile.limits.maxPages;
  // A listing that could not be read would make its ads look delisted: only a complete recrawl decides.
  const incomplete = rows.some(
    (r) => r.kind !== 'image' && (r.status === 'failed' || (r.http_status !== null && r.http_status >= 500)) && !isItemPage(ctx.compiled, new URL(r.url)),
  );
  const delistedHashes: string[] = [];
  if (ctx.run.kind === 'recrawl' && !cut && !incomplete) {
    for (const r of rows) {
      if (r.kind !== 'page' || Number(r.via_link) === 1 || r.status !== 'done') continue;
      if (!(r.http_status !== null && ((r.http_status >= 200 && r.http_status < 300) || r.http_status === 304))) continue;
      if (isItemPage(ctx.compiled, new URL(r.url))) delistedHashes.push(r.url_hash);
    }
  }
  await inTransaction(deps, async (tx) => {
    const now = isoNow(tx.clock);
    for (let i = 0; i < delistedHashes.length; i += DELIST_CHUNK) {
      const res = await tx.db
        .updateTable('crawl_page')
        .set({ gone_at: now, gone_reason: 'delisted' })
        .where('profile_id', '=', ctx.run.profile_id)
        .where('url_hash', 'in', delistedHashes.slice(i, i + DELIST_CHUNK))
        .where('gone_at', 'is', null)
        .executeTakeFirst();
      delisted += Number(res.numUpdatedRows);
    }
    await appendAudit(tx, systemActor, {
      action: 'crawl.run_finish',
      target: { type: 'crawl_run', id: ctx.run.id },
      details: { urls: rows.length, fetched: rows.filter((r) => r.status === 'done').length, failed: rows.filter((r) => r.status === 'failed').length, delisted, budgetReached: cut, listingsFailed: incomplete },
    });
  });
}

class LeaseLost extends Error {}
const ignoreLeaseLost = (err: unknown) => {
  // Another worker took the URL over after our lease ran out: our result is dropped, theirs counts.
  if (!(err instanceof LeaseLost)) throw err;
};

const after = (deps: ServiceDeps, ms: number) => new Date(deps.clock.now().getTime() + ms);

/** A sitemap's XML; `.xml.gz` files (gzip as the file, not as a transfer coding) are unpacked within the size limit. */
export function sitemapText(body: Buffer, maxBytes: number): string {
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      return gunzipSync(body, { maxOutputLength: maxBytes }).toString('utf8');
    } catch {
      return '';
    }
  }
  return body.toString('utf8');
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now.getTime());
}
