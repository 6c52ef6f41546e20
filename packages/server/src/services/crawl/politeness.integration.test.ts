import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFetchers } from '../../net/safeFetch.js';
import { openRuntime, type Runtime } from '../../runtime.js';
import { createTestEnv, DIALECTS, type TestEnv } from '../../test/harness.js';
import { cliActor } from '../deps.js';
import { runCrawler } from './crawler.js';
import { validateProfile } from './profile.js';
import { saveProfile } from './profileService.js';
import { startRun } from './runService.js';

const PAGES = 30;
const DELAY_MS = 60;

describe.each(DIALECTS)('politeness across several crawlers sharing one run, on %s', (dialect) => {
  let env: TestEnv;
  let runtime: Runtime;
  let server: Server;
  let base: string;
  const log: Array<{ path: string; start: number; end: number; agent: string }> = [];
  let inFlight = 0;
  let maxInFlight = 0;

  beforeAll(async () => {
    env = await createTestEnv(dialect, { CENTINELA_CRAWL_ALLOW_PRIVATE: '127.0.0.1' });
    runtime = await openRuntime(env.config);
    server = createServer((req, res) => {
      const start = performance.now();
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const path = req.url ?? '/';
      // Every response takes a while, so overlapping requests would be seen.
      setTimeout(() => {
        const body =
          path === '/robots.txt'
            ? 'User-agent: *\nDisallow: /no/\n'
            : `<html><body>${Array.from({ length: PAGES }, (_, i) => `<a href="/p/${i}">${i}</a><a href="/no/${i}">x</a>`).join('')}</body></html>`;
        res.writeHead(200, { 'content-type': path === '/robots.txt' ? 'text/plain' : 'text/html' }).end(body);
        inFlight--;
        log.push({ path, start, end: performance.now(), agent: String(req.headers['user-agent']) });
      }, 15);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await closeFetchers();
    await runtime.close();
    await env.cleanup();
  });

  it('keeps one request at a time per host with the delay between them, and fetches each URL once', async () => {
    await saveProfile(runtime.deps, cliActor, validateProfile({ name: 'polite', startUrls: [`${base}/`], itemPages: '^/never$', politeness: { delayMs: DELAY_MS }, limits: { maxDepth: 2 } }));
    const { run } = await startRun(runtime.deps, cliActor, 'polite');
    // Two crawlers (two workers' worth), each wanting three URLs in flight, on the same run and host.
    const results = await Promise.all(
      ['worker-a', 'worker-b'].map((workerId) => runCrawler(runtime.deps, runtime.blobs, { workerId, runId: run.id, concurrency: 3, stopWhenIdle: true })),
    );
    // Claims: robots.txt, the start page, the pages, and the disallowed links (skipped without a request).
    expect(results.reduce((n, r) => n + r.processed, 0)).toBe(2 * PAGES + 2);
    const skipped = await runtime.deps.db.selectFrom('crawl_frontier').select('error_code').where('run_id', '=', run.id).where('status', '=', 'skipped').execute();
    expect(skipped).toEqual(Array.from({ length: PAGES }, () => ({ error_code: 'robots.disallowed' })));
    expect(maxInFlight).toBe(1);
    const sorted = [...log].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      // A small allowance for timer granularity: the host's next-allowed time is set when the previous response was recorded.
      expect(sorted[i]!.start - sorted[i - 1]!.end, `gap before ${sorted[i]!.path}`).toBeGreaterThanOrEqual(DELAY_MS - 5);
    }
    const paths = log.map((l) => l.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((p) => p.startsWith('/no/'))).toEqual([]);
    expect(log.every((l) => l.agent.startsWith('CentinelaCrawler/'))).toBe(true);
  }, 60_000);

  it('fetches nothing from a host whose robots.txt answers 503, and retries later instead of giving up', async () => {
    const hits: string[] = [];
    const down = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/robots.txt') res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>page</p>');
    });
    await new Promise<void>((r) => down.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(down.address() as AddressInfo).port}/`;
      await saveProfile(runtime.deps, cliActor, validateProfile({ name: 'down', startUrls: [url], itemPages: '^/never$', politeness: { delayMs: 0 } }));
      const { run } = await startRun(runtime.deps, cliActor, 'down');
      const result = await runCrawler(runtime.deps, runtime.blobs, { workerId: 'down-worker', runId: run.id, stopWhenIdle: true, maxMs: 1500 });
      expect(result.more).toBe(true);
      expect(hits).toEqual(['/robots.txt']);
      const row = await runtime.deps.db.selectFrom('crawl_frontier').selectAll().where('run_id', '=', run.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'queued', error_code: 'robots.unavailable', attempts: 1 });
      expect(new Date(row.next_fetch_at).getTime()).toBeGreaterThan(Date.now() + 60_000);
    } finally {
      down.closeAllConnections();
      await new Promise((r) => down.close(r));
    }
  }, 30_000);
});
