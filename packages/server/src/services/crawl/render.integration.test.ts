import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProfile, startDemoSite, type DemoSite } from '../../demo/crawlSite.js';
import { closeFetchers } from '../../net/safeFetch.js';
import { openRuntime, type Runtime } from '../../runtime.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { cliActor } from '../deps.js';
import { runCrawler } from './crawler.js';
import { validateProfile } from './profile.js';
import { saveProfile } from './profileService.js';
import { closeRenderer } from './render.js';
import { startRun } from './runService.js';

// The browser is the same for both databases: SQLite only.
describe.skipIf(!existsSync('/usr/bin/chromium'))('pages that need JavaScript, rendered in Chromium', () => {
  let env: TestEnv;
  let runtime: Runtime;
  let site: DemoSite;

  beforeAll(async () => {
    env = await createTestEnv('sqlite', { CENTINELA_CRAWL_ALLOW_PRIVATE: '127.0.0.1' });
    runtime = await openRuntime(env.config);
    site = await startDemoSite({ ads: 5 });
  });
  afterAll(async () => {
    await closeRenderer();
    await site.close();
    await closeFetchers();
    await runtime.close();
    await env.cleanup();
  });

  it('renders listings and ads, every browser request going through the safe fetcher, never a POST', async () => {
    const profile = demoProfile(site.url, { name: 'spa', startUrls: [`${site.url}/spa/`], sitemaps: [], follow: ['^/spa/ad/\\d+$'], itemPages: '^/spa/ad/\\d+$', render: 'javascript' });
    await saveProfile(runtime.deps, cliActor, validateProfile(profile));
    const { run } = await startRun(runtime.deps, cliActor, 'spa');
    await runCrawler(runtime.deps, runtime.blobs, { workerId: 'render-test', runId: run.id, stopWhenIdle: true });
    const items = await runtime.deps.db.selectFrom('item').select(['url', 'title', 'text']).orderBy('url').execute();
    expect(items.map((i) => new URL(i.url!).pathname)).toEqual(['/spa/ad/1', '/spa/ad/2', '/spa/ad/3']);
    expect(items[0]).toMatchObject({ title: expect.stringContaining('#1'), text: expect.stringContaining('Tel: +54') });
    expect(site.hits.get('/spa/ads.json')).toBe(1);
    expect(site.hits.has('/spa/track')).toBe(false);
  }, 60_000);
});
