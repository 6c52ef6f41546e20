import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, demoProfile, type DemoSite } from '../../demo/crawlSite.js';
import { closeFetchers } from '../../net/safeFetch.js';
import { openRuntime, type Runtime } from '../../runtime.js';
import { createTestEnv, DIALECTS, type TestEnv } from '../../test/harness.js';
import { cliActor } from '../deps.js';
import { runCrawler } from './crawler.js';
import { validateProfile } from './profile.js';
import { saveProfile } from './profileService.js';
import { listRuns, startRun } from './runService.js';
import { checkWarcDigests, readWarc, warcHeader } from './warc.js';

export const CRAWL_TEST_ENV = {
  CENTINELA_CRAWL_ALLOW_PRIVATE: '127.0.0.1',
  CENTINELA_CRAWL_MAX_BYTES: String(1024 * 1024),
  CENTINELA_CRAWL_TIMEOUT_MS: '1500',
  CENTINELA_CRAWL_CONTACT_URL: 'https://example.org/crawler-contact',
};

describe.each(DIALECTS)('the crawler on the demo site, on %s', (dialect) => {
  let env: TestEnv;
  let runtime: Runtime;
  let site: DemoSite;

  beforeAll(async () => {
    env = await createTestEnv(dialect, CRAWL_TEST_ENV);
    runtime = await openRuntime(env.config);
    site = await startDemoSite({ ads: 60, perPage: 20, slowMs: 3000, hugeBytes: 4 * 1024 * 1024 });
  });
  afterAll(async () => {
    await site.close();
    await closeFetchers();
    await runtime.close();
    await env.cleanup();
  });

  const profile = () =>
    validateProfile(
      demoProfile(site.url, {
        // Follow every same-host link: the traps must be held by the limits, not by the profile.
        follow: [],
        ignore: [],
        limits: { maxDepth: 6, maxPages: 400, maxImagesPerItem: 1 },
        politeness: { delayMs: 0, maxAttempts: 2 },
      }),
    );

  const crawl = async () => {
    const { run } = await startRun(runtime.deps, cliActor, 'demo-classifieds');
    const result = await runCrawler(runtime.deps, runtime.blobs, { workerId: `test-${run.id}`, runId: run.id, stopWhenIdle: true, concurrency: 2 });
    return { run, result };
  };

  it('crawls politely and completely: robots honoured, traps and limits held, every ad an item with evidence', async () => {
    await saveProfile(runtime.deps, cliActor, profile());
    const { run, result } = await crawl();
    expect(result.finishedRuns).toContain(run.id);
    const db = runtime.deps.db;

    // robots.txt: read once, its disallowed area never fetched; hosts outside the profile never either.
    expect(site.hits.get('/robots.txt')).toBe(1);
    expect([...site.hits.keys()].filter((k) => k.startsWith('/private/') || k.includes('/contact'))).toEqual([]);
    // Each ad page fetched exactly once; tracking parameters and fragments did not make a second URL.
    // (Ad 2 is also where the redirect chain /go/1 → /go/2 → /go/3 ends: a redirect is followed where it leads.)
    for (const id of site.adIds) expect(site.hits.get(`/ad/${id}`), `ad ${id}`).toBe(id === 2 ? 2 : 1);
    expect(site.hits.get('/listings?page=1')).toBe(1);
    // The infinite calendar stops at the depth limit.
    const calendar = [...site.hits.keys()].filter((k) => k.startsWith('/calendar/'));
    expect(calendar.length).toBeGreaterThan(0);
    expect(calendar.length).toBeLessThanOrEqual(6);

    const rows = await db.selectFrom('crawl_frontier').selectAll().where('run_id', '=', run.id).execute();
    const byPath = (p: string) => rows.find((r) => new URL(r.url).pathname + new URL(r.url).search === p);
    expect(rows.every((r) => r.status !== 'queued' && r.status !== 'fetching')).toBe(true);
    expect(byPath('/huge')).toMatchObject({ status: 'failed', error_code: 'fetch.too_large' });
    expect(byPath('/slow')).toMatchObject({ status: 'failed', error_code: 'fetch.timeout', attempts: 2 });
    expect(byPath('/loop-a')).toMatchObject({ status: 'failed', error_code: 'fetch.redirect_loop' });
    expect(byPath('/busy')).toMatchObject({ status: 'done', http_status: 200, attempts: 2 });
    expect(byPath('/malformed')).toMatchObject({ status: 'done', http_status: 200 });
    expect(rows.some((r) => r.url.includes('169.254'))).toBe(false);
    expect(rows.some((r) => r.url.includes('utm_source'))).toBe(false);

    // Items: one per ad, with fields from CSS selectors or from JSON-LD.
    const items = await db.selectFrom('item').selectAll().where('source', '=', 'crawl').execute();
    const adItems = new Map(items.map((i) => [new URL(i.url!).pathname, i]));
    for (const id of site.adIds) expect(adItems.has(`/ad/${id}`), `item for ad ${id}`).toBe(true);
    const css = adItems.get('/ad/6')!;
    expect(css).toMatchObject({ site: '127.0.0.1', region: 'AR', title: expect.stringContaining('#6'), location_text: expect.any(String), price_text: expect.stringContaining('ARS') });
    expect(css.text).toMatch(/Tel: \+54/);
    expect(css.posted_at).toBe('2026-10-01T06:00:00.000Z');
    const ld = adItems.get('/ad/1')!; // JSON-LD only
    expect(ld.title).toContain('#1');
    expect(ld.location_text).toBeTruthy();
    expect(ld.price_text).toMatch(/ARS/);
    expect(ld.text).toMatch(/\+54/);
    // Hostile markup: the escaped text is kept as inert text, the live script is not in the text at all.
    const hostile = adItems.get('/ad/5')!;
    expect(hostile.text).toContain('<script>alert("xss")</script>');
    expect(hostile.text).not.toContain('pwned');
    expect(hostile.raw_capture_ref).toMatch(/^crawl_capture:/);

    // Evidence: every fetched URL has a sealed WARC whose records check out, naming the software, profile and run.
    const captures = await db.selectFrom('crawl_capture').selectAll().where('run_id', '=', run.id).execute();
    expect(captures.length).toBeGreaterThanOrEqual(rows.filter((r) => r.status === 'done').length);
    const adCapture = captures.find((c) => c.item_id === css.id && c.kind === 'page')!;
    const warc = await runtime.blobs.get(adCapture.warc_sha256);
    expect(checkWarcDigests(warc)).toEqual([]);
    const records = readWarc(warc);
    expect(records.map((r) => warcHeader(r, 'WARC-Type'))).toEqual(['warcinfo', 'request', 'response']);
    expect(records[0]!.block.toString()).toMatch(/software: Centinela\/[\d.]+[\s\S]*profile: demo-classifieds[\s\S]*crawlRun: /);
    expect(records[1]!.block.toString()).toMatch(/^GET \/ad\/6 HTTP\/1.1\r\n[\s\S]*User-Agent: CentinelaCrawler\/[\d.]+ \(\+https:\/\/example.org\/crawler-contact\)/);
    expect(records[2]!.block.toString()).toMatch(/^HTTP\/1.1 200 OK\r\n/);
    expect(warcHeader(records[2]!, 'WARC-IP-Address')).toBe('127.0.0.1');
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'evidence.capture').execute();
    expect(audit.length).toBe(await db.selectFrom('crawl_capture').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)));
    // The redirect chain is one capture with every hop.
    const chain = captures.find((c) => c.url.endsWith('/go/1'))!;
    expect(readWarc(await runtime.blobs.get(chain.warc_sha256)).filter((r) => warcHeader(r, 'WARC-Type') === 'response').length).toBe(4);

    // Images: downloaded, hashed with PDQ, matched (no bank: no match), never more than the profile allows.
    const media = await db.selectFrom('crawl_media').selectAll().execute();
    expect(media.length).toBe(site.adIds.length);
    expect(media.every((m) => m.pdq?.length === 64 && m.match_status === 'no_match')).toBe(true);

    // Analysis of every new item is queued (the embedded queue's table on SQLite, graphile's on PostgreSQL).
    if (dialect === 'sqlite') {
      const jobs = await db.selectFrom('job').select('payload').where('task', '=', 'analyze.item').execute();
      expect(jobs.length).toBe(items.length);
    }
    const [progress] = await listRuns(runtime.deps, { runId: run.id });
    expect(progress).toMatchObject({ status: 'done', queued: 0, fetching: 0, itemsFound: site.adIds.length });
  }, 60_000);

  it('recrawls with conditional requests and records removals: deleted ads (410) and ads dropped from the listings', async () => {
    site.phase = 2;
    // The operator narrows the profile to listings and ads (version 2): a listing that cannot be read would stop
    // removal detection, and the traps of the first test never answer.
    await saveProfile(runtime.deps, cliActor, validateProfile(demoProfile(site.url, { limits: { maxDepth: 6, maxPages: 400, maxImagesPerItem: 1 }, politeness: { delayMs: 0, maxAttempts: 2 } })));
    const before = await runtime.deps.db.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const { run } = await crawl();
    expect(run).toMatchObject({ kind: 'recrawl', profile_version: 2 });
    const pages = await runtime.deps.db.selectFrom('crawl_page').selectAll().execute();
    const page = (id: number) => pages.find((p) => new URL(p.url).pathname === `/ad/${id}`)!;
    for (const id of site.adIds) {
      if (id % 10 === 3) expect(page(id), `ad ${id}`).toMatchObject({ gone_reason: 'http_410', gone_at: expect.any(String), last_status: 410 });
      else if (id % 10 === 7) expect(page(id), `ad ${id}`).toMatchObject({ gone_reason: 'delisted', gone_at: expect.any(String) });
      else expect(page(id).gone_at, `ad ${id}`).toBeNull();
    }
    // Unchanged ads answered 304 to If-None-Match: no new item versions.
    expect(page(2).last_status).toBe(304);
    const after = await runtime.deps.db.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // A page first seen gone keeps that time on the next run.
    const firstGone = page(3).gone_at;
    await crawl();
    const again = await runtime.deps.db.selectFrom('crawl_page').select('gone_at').where('id', '=', page(3).id).executeTakeFirstOrThrow();
    expect(again.gone_at).toBe(firstGone);

    // Everything is back online, but the third listing page is broken: its ads (51-60 are in no sitemap either) must
    // not be taken for delisted.
    site.phase = 1;
    site.brokenListing = 3;
    await crawl();
    const third = await runtime.deps.db.selectFrom('crawl_page').selectAll().execute();
    const onBrokenPage = site.adIds.filter((id) => id > 50 && id % 10 !== 3 && id % 10 !== 7);
    expect(onBrokenPage.length).toBe(8);
    for (const id of onBrokenPage) expect(third.find((p) => new URL(p.url).pathname === `/ad/${id}`)!.gone_at, `ad ${id}`).toBeNull();
    // Ads that came back and are listed again are no longer gone.
    expect(third.find((p) => new URL(p.url).pathname === '/ad/13')).toMatchObject({ gone_at: null, gone_reason: null, last_status: 304 });
    site.brokenListing = null;
  }, 60_000);
});
