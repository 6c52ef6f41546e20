// Crawl throughput on the local demo site (politeness off), and memory over a long run.
//   BENCH_CRAWL_PARSE_PAGES  pages for fetch + parse + extraction (default 20,000; the issue's memory target is 100,000)
//   BENCH_CRAWL_ADS          ads for the full pipeline crawl (default 1,000)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../packages/server/src/config/config.js';
import { demoProfile, startDemoSite } from '../packages/server/src/demo/crawlSite.js';
import { closeFetchers, SafeFetcher } from '../packages/server/src/net/safeFetch.js';
import { openRuntime } from '../packages/server/src/runtime.js';
import { runCrawler } from '../packages/server/src/services/crawl/crawler.js';
import { extractPage } from '../packages/server/src/services/crawl/extract.js';
import { compileProfile, validateProfile } from '../packages/server/src/services/crawl/profile.js';
import { saveProfile } from '../packages/server/src/services/crawl/profileService.js';
import { listRuns, startRun } from '../packages/server/src/services/crawl/runService.js';
import { cliActor } from '../packages/server/src/services/deps.js';
import { stageTimes } from '../packages/server/src/services/stageTimes.js';

const mb = (n: number) => Math.round(n / 1024 / 1024);

export async function run(): Promise<void> {
  await parseAndExtract(Number(process.env.BENCH_CRAWL_PARSE_PAGES ?? 20_000));
  await fullPipeline(Number(process.env.BENCH_CRAWL_ADS ?? 1000), false);
  await fullPipeline(Math.min(1000, Number(process.env.BENCH_CRAWL_ADS ?? 1000)), true, true);
}

/** Safe fetch (address policy, limits) + cheerio parse + field extraction of ad pages, one at a time, no database. */
async function parseAndExtract(pages: number): Promise<void> {
  const site = await startDemoSite({ ads: 5000, images: false });
  const fetcher = new SafeFetcher({ allowPrivate: ['127.0.0.1'], userAgent: 'CentinelaCrawler/bench' });
  const c = compileProfile(validateProfile(demoProfile(site.url)));
  try {
    const rss: number[] = [];
    const heap: number[] = [];
    let fields = 0;
    const started = performance.now();
    for (let i = 0; i < pages; i++) {
      const url = `${site.url}/ad/${(i % 5000) + 1}`;
      const res = await fetcher.fetch(url, { accept: ['text/html'] });
      const page = extractPage(res.body.toString('utf8'), res.url, c, true);
      if (page.fields?.title) fields++;
      if (i % Math.max(1, Math.floor(pages / 5)) === 0) {
        (globalThis as { gc?: () => void }).gc?.();
        rss.push(mb(process.memoryUsage().rss));
        heap.push(mb(process.memoryUsage().heapUsed));
      }
    }
    const secs = (performance.now() - started) / 1000;
    rss.push(mb(process.memoryUsage().rss));
    console.log(`fetch + parse + extract: ${pages} ad pages in ${secs.toFixed(1)} s = ${Math.round(pages / secs)} pages/s (one at a time, one host, politeness off); ${fields} with a title`);
    console.log(`  RSS over the run (MB): ${rss.join(' → ')}; JS heap in use (MB): ${heap.join(' → ')}${(globalThis as { gc?: unknown }).gc ? ' (after gc)' : ''}`);
  } finally {
    await fetcher.close();
    await site.close();
  }
}

/**
 * The crawler end to end on SQLite: frontier claims with host leases, robots.txt, safe fetch, WARC sealed in the
 * encrypted blob store, capture + audit entry, page state, extraction, item ingest and analysis job, links queued;
 * with images also download → PDQ → bank match. The analysis jobs themselves run in the analyze workers, not here.
 */
async function fullPipeline(ads: number, images: boolean, analyse = false): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'centinela-bench-crawl-'));
  const site = await startDemoSite({ ads, perPage: 50, images });
  if (images) await site.prepareImages(); // the fixture's drawing is not the crawler's work
  const config = loadConfig({ CENTINELA_DATA_DIR: dataDir, CENTINELA_SECRET_KEY: randomBytes(32).toString('hex'), CENTINELA_CRAWL_ALLOW_PRIVATE: '127.0.0.1' });
  const runtime = await openRuntime(config);
  try {
    const profile = validateProfile(demoProfile(site.url, { sitemaps: [], limits: { maxDepth: 100, maxPages: 1_000_000, maxImagesPerItem: 1 }, politeness: { delayMs: 0, maxAttempts: 2 } }));
    await saveProfile(runtime.deps, cliActor, profile);
    const { run } = await startRun(runtime.deps, cliActor, profile.name);
    stageTimes(true);
    const cpu0 = process.cpuUsage();
    const rss0 = mb(process.memoryUsage().rss);
    const started = performance.now();
    // With `analyse`, an analyze worker runs alongside, as in a deployment: the figure is until every ad is scored.
    const worker = analyse ? await runtime.queue.startWorker({ roles: ['analyze'], concurrency: 1, pollIntervalMs: 50 }) : null;
    await runCrawler(runtime.deps, runtime.blobs, { workerId: 'bench', runId: run.id, stopWhenIdle: true, concurrency: 2 });
    const crawlSecs = (performance.now() - started) / 1000;
    if (worker) {
      for (;;) {
        const { n } = await runtime.deps.db.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')).where('analysed_at', 'is', null).executeTakeFirstOrThrow();
        if (Number(n) === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await worker.stop();
    }
    const secs = (performance.now() - started) / 1000;
    const [p] = await listRuns(runtime.deps, { runId: run.id });
    console.log(
      `full pipeline on SQLite${images ? ' with images (PDQ + match)' : ''}${analyse ? ' and text analysis (same process)' : ''}: ${p!.fetched} URLs (${p!.itemsFound} ads${images ? ` + ${p!.itemsFound} images` : ''}) in ${secs.toFixed(1)} s = ${Math.round(p!.fetched / secs)} URLs/s, ${Math.round(p!.itemsFound / secs)} ads/s${analyse ? ` (crawl done at ${crawlSecs.toFixed(1)} s)` : ''}; RSS ${rss0} → ${mb(process.memoryUsage().rss)} MB`,
    );
    // CPU time of this process (crawler, worker and the demo site alike): steadier than wall time on a shared machine.
    const cpu = process.cpuUsage(cpu0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    console.log(`  CPU ${cpuSecs.toFixed(1)} s (${Math.round((cpuSecs / secs) * 100)}% of one core) = ${((cpuSecs * 1000) / Math.max(1, p!.itemsFound)).toFixed(1)} ms of CPU per ad`);
    printStages(secs);
  } finally {
    await closeFetchers();
    await runtime.close();
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Wall time per stage (stages overlap when the crawler and the analyze worker run side by side). */
function printStages(secs: number): void {
  console.log(`  per stage (wall ms in total, ms per call, calls; run ${Math.round(secs * 1000)} ms):`);
  for (const s of stageTimes(true).sort((a, b) => a.stage.localeCompare(b.stage))) {
    console.log(`    ${s.stage.padEnd(46)} ${String(Math.round(s.ms)).padStart(7)} ms ${(s.ms / s.count).toFixed(2).padStart(8)} ms/call ${String(s.count).padStart(7)}`);
  }
}
