import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { demoProfile, startDemoSite, type DemoSite } from '../../demo/crawlSite.js';
import { closeFetchers } from '../../net/safeFetch.js';
import { verifyPackage } from '../../services/crawl/evidenceService.js';
import { recheckUrl } from '../../services/crawl/recheck.js';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const CRAWL_ENV = { CENTINELA_CRAWL_ALLOW_PRIVATE: '127.0.0.1', CENTINELA_CRAWL_TIMEOUT_MS: '1500' };

describe.each(DIALECTS)('crawl and evidence API, on %s', (dialect) => {
  let t: TestApp;
  let site: DemoSite;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect, CRAWL_ENV);
    site = await startDemoSite({ ads: 12, perPage: 6 });
    admin = await t.admin();
  });
  afterAll(async () => {
    await site.close();
    await closeFetchers();
    await t.close();
  });

  it('refuses malformed profiles with the line and the reason, and stores nothing', async () => {
    const res = await t.as(admin, 'POST', '/api/v1/crawl/profiles', { source: 'name: x\nstartUrls: [http://127.0.0.1/]\nitemPages: "^/ad/"\nlimits:\n  maxPages: -3\n' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'crawl.invalid_profile', detail: expect.stringMatching(/^line 5, limits\.maxPages: /), errors: [{ path: 'limits.maxPages', message: expect.stringMatching(/^line 5: /) }] });
    const wrongType = await t.as(admin, 'POST', '/api/v1/crawl/profiles', { source: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect((await t.as(admin, 'GET', '/api/v1/crawl/profiles')).json()).toEqual({ profiles: [] });
  });

  it('adds a profile, crawls it with a worker, shows progress and captures, pauses and resumes, and exports verifiable evidence', async () => {
    const source = stringify(demoProfile(site.url, { politeness: { delayMs: 0, maxAttempts: 2 }, limits: { maxDepth: 10, maxPages: 200, maxImagesPerItem: 1 } }));
    const added = await t.as(admin, 'POST', '/api/v1/crawl/profiles', { source });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ created: true, profile: { name: 'demo-classifieds', version: 1, startUrls: [`${site.url}/`] } });
    const again = await t.as(admin, 'POST', '/api/v1/crawl/profiles', { source });
    expect(again.json()).toMatchObject({ created: false, profile: { version: 1 } });

    const analyst = (await t.userWithRoles(['analyst'])).session;
    expect((await t.as(analyst, 'POST', '/api/v1/crawl/runs', { profile: 'demo-classifieds' })).statusCode).toBe(403);
    expect((await t.as(admin, 'POST', '/api/v1/crawl/runs', { profile: 'nope' })).json()).toMatchObject({ code: 'crawl.profile_not_found' });

    const started = await t.as(admin, 'POST', '/api/v1/crawl/runs', { profile: 'demo-classifieds' });
    expect(started.statusCode, started.body).toBe(200);
    const runId = started.json().run.id as string;
    expect(started.json()).toMatchObject({ resumed: false, run: { status: 'running', kind: 'crawl', queued: 2 } });

    const paused = await t.as(admin, 'PATCH', `/api/v1/crawl/runs/${runId}`, { status: 'paused' });
    expect(paused.json()).toMatchObject({ run: { status: 'paused' } });
    const resumed = await t.as(admin, 'PATCH', `/api/v1/crawl/runs/${runId}`, { status: 'running' });
    expect(resumed.json()).toMatchObject({ run: { status: 'running' } });

    const worker = await t.runtime.queue.startWorker({ roles: ['crawl'], concurrency: 2, pollIntervalMs: 50 });
    try {
      const deadline = Date.now() + 45_000;
      let run: { status: string; itemsFound: number } | undefined;
      while (Date.now() < deadline) {
        run = ((await t.as(analyst, 'GET', '/api/v1/crawl/runs')).json().runs as Array<{ id: string; status: string; itemsFound: number }>).find((r) => r.id === runId);
        if (run?.status === 'done') break;
        await sleep(100);
      }
      expect(run).toMatchObject({ status: 'done', itemsFound: 12, queued: 0, errors: 0 });
    } finally {
      await worker.stop();
    }
    expect((await t.as(admin, 'PATCH', `/api/v1/crawl/runs/${runId}`, { status: 'paused' })).json()).toMatchObject({ code: 'crawl.run_state' });

    const captures = (await t.as(analyst, 'GET', '/api/v1/crawl/captures?limit=5')).json().captures as Array<{ itemId: string | null; warcSha256: string }>;
    expect(captures).toHaveLength(5);
    const itemId = captures.find((c) => c.itemId)!.itemId!;
    const investigator = (await t.userWithRoles(['investigator'])).session;
    expect((await t.as(investigator, 'GET', `/api/v1/crawl/captures?itemId=${itemId}`)).json()).toMatchObject({ code: 'item.purpose_required' });
    const own = await t.as(investigator, 'GET', `/api/v1/crawl/captures?itemId=${itemId}&purpose=case%2017`);
    expect(own.json().captures.length).toBeGreaterThanOrEqual(2);
    const access = await t.runtime.deps.db.selectFrom('audit_log').select(['purpose', 'target_id']).where('action', '=', 'evidence.access').executeTakeFirstOrThrow();
    expect(access).toEqual({ purpose: 'case 17', target_id: itemId });

    expect((await t.as(analyst, 'POST', '/api/v1/evidence/exports', { itemIds: [itemId] })).statusCode).toBe(403);
    expect((await t.as(investigator, 'POST', '/api/v1/evidence/exports', { itemIds: [itemId] })).json()).toMatchObject({ code: 'item.purpose_required' });
    const exp = await t.as(investigator, 'POST', '/api/v1/evidence/exports', { itemIds: [itemId], language: 'es', purpose: 'case 17' });
    expect(exp.statusCode, exp.body).toBe(200);
    expect(exp.headers['content-type']).toBe('application/x-tar');
    const report = verifyPackage(exp.rawPayload);
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.manifestSha256).toBe(exp.headers['x-manifest-sha256']);
    expect(exp.rawPayload.toString('latin1')).toContain('Paquete de evidencia');

    // Bad requests change nothing and say why.
    const imported = await t.as(admin, 'POST', '/api/v1/items', { items: [{ url: 'https://ads.example/1', title: 'Importado', text: 'texto' }] });
    const importedId = imported.json().items[0].id as string;
    expect((await t.as(admin, 'POST', '/api/v1/evidence/exports', { itemIds: [importedId] })).json()).toMatchObject({ status: 409, code: 'evidence.no_captures' });
    expect((await t.as(admin, 'POST', '/api/v1/evidence/exports', { itemIds: [] })).statusCode).toBe(400);
    expect((await t.as(admin, 'POST', '/api/v1/evidence/exports', { itemIds: ['not-a-uuid'] })).statusCode).toBe(400);
    expect((await t.as(admin, 'POST', '/api/v1/evidence/exports', { itemIds: Array.from({ length: 501 }, () => itemId) })).statusCode).toBe(400);
    expect((await t.as(admin, 'PATCH', `/api/v1/crawl/runs/${runId}`, { status: 'done' })).statusCode).toBe(400);
    const exports = await t.runtime.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'evidence.export').execute();
    expect(exports).toHaveLength(1);
  }, 90_000);

  it('rechecks a URL for removal verification: present, gone (first time kept), or error', async () => {
    const deps = { ...t.runtime.deps, blobs: t.runtime.blobs };
    expect(await recheckUrl(deps, `${site.url}/ad/2`)).toMatchObject({ state: 'present', httpStatus: 200, captureId: expect.any(String) });
    site.phase = 2;
    const gone = await recheckUrl(deps, `${site.url}/ad/3`);
    expect(gone).toMatchObject({ state: 'gone', httpStatus: 410 });
    const page = await t.runtime.deps.db.selectFrom('crawl_page').selectAll().where('url', '=', `${site.url}/ad/3`).executeTakeFirstOrThrow();
    expect(page).toMatchObject({ gone_at: gone.checkedAt, gone_reason: 'http_410' });
    t.clock.advance(60_000);
    await recheckUrl(deps, `${site.url}/ad/3`);
    expect((await t.runtime.deps.db.selectFrom('crawl_page').select('gone_at').where('id', '=', page.id).executeTakeFirstOrThrow()).gone_at).toBe(gone.checkedAt);
    expect(await recheckUrl(deps, `${site.url}/busy`)).toMatchObject({ state: 'error', httpStatus: 429, errorCode: 'http_429' });
    expect(await recheckUrl(deps, 'http://10.0.0.1/ad')).toMatchObject({ state: 'error', httpStatus: null, errorCode: 'fetch.blocked_address' });
    site.phase = 1;
  });
});
