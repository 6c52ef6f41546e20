import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { startDemoSite } from '../../demo/crawlSite.js';
import { WorkerRegistration } from '../../jobs/workerRegistry.js';
import { closeFetchers } from '../../net/safeFetch.js';
import type { Runtime } from '../../runtime.js';
import { runCrawler } from '../../services/crawl/crawler.js';
import { exportEvidence, verifyPackage } from '../../services/crawl/evidenceService.js';
import { parseProfile } from '../../services/crawl/profile.js';
import { listProfiles, saveProfile } from '../../services/crawl/profileService.js';
import { closeRenderer } from '../../services/crawl/render.js';
import { CRAWL_RUN_TASK, listRuns, setRunStatus, startRun } from '../../services/crawl/runService.js';
import { cliActor } from '../../services/deps.js';
import { readInputFile } from '../inputFile.js';
import { CliFailure, parseIntOption, printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

/** The crawler's commands also close the fetch agents and the browser they may have opened. */
const withCrawlRuntime = <T>(fn: (runtime: Runtime) => Promise<T>): Promise<T> =>
  withRuntime(fn, async () => {
    await closeFetchers();
    await closeRenderer();
  });

export function registerCrawlCommands(program: Command): void {
  const crawl = program.command('crawl').description('the crawler: site profiles, runs and their progress');
  const profile = crawl.command('profile').description('site profiles (YAML or JSON; see docs/CRAWLER.md)');

  profile
    .command('add')
    .description('add a profile from a file, or replace the one of the same name (its version goes up)')
    .argument('<file>', 'profile file (.yaml, .yml or .json)')
    .action(async (file: string) => {
      const text = (await readInputFile(file, 1_000_000)).toString('utf8');
      const parsed = parseProfile(text);
      await withCrawlRuntime(async (rt) => {
        const { profile: stored, created } = await saveProfile(rt.deps, cliActor, parsed);
        printJson({ id: stored.id, name: stored.name, version: stored.version, created });
      });
    });

  profile
    .command('list')
    .description('list profiles')
    .action(async () => {
      await withCrawlRuntime(async (rt) => {
        for (const p of await listProfiles(rt.deps)) printJson({ id: p.id, name: p.name, version: p.version, startUrls: p.profile.startUrls });
      });
    });

  crawl
    .command('start')
    .description("start (or continue) a profile's crawl and run it here until it is done; --detach leaves it to `centinela worker --roles crawl`")
    .argument('<profile>', 'profile name')
    .option('--detach', 'only queue the crawl for the workers')
    .option('--concurrency <n>', 'URLs in flight at once (different hosts)', parseIntOption('--concurrency', 1, 64), 2)
    .action(async (name: string, opts: { detach?: boolean; concurrency: number }) => {
      await withCrawlRuntime(async (rt) => {
        const { run, resumed } = await startRun(rt.deps, cliActor, name);
        if (run.status === 'paused') throw new CliFailure(`run ${run.id} of ${name} is paused: resume it with \`centinela crawl resume ${run.id}\``);
        process.stdout.write(`crawl run ${run.id} ${resumed ? 'continues' : 'started'} (${run.kind}) for ${name}\n`);
        if (opts.detach) {
          await rt.queue.enqueue(CRAWL_RUN_TASK, { runId: run.id, slice: 0, lane: 0 }, { jobKey: `${CRAWL_RUN_TASK}:${run.id}:0:0:${Date.now()}` });
          return;
        }
        // This process holds leases as a registered worker: if it dies, others (or the next start) take its URLs back.
        const registration = new WorkerRegistration(rt.deps, ['crawl']);
        await registration.start();
        const abort = new AbortController();
        const stop = () => abort.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        try {
          await runCrawler(rt.deps, rt.blobs, { workerId: registration.id, runId: run.id, stopWhenIdle: true, concurrency: opts.concurrency, signal: abort.signal });
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          await registration.stop();
        }
        const [progress] = await listRuns(rt.deps, { runId: run.id });
        printJson(progress);
      });
    });

  crawl
    .command('status')
    .description('progress of the latest runs (pages fetched, queued, errors, items found)')
    .option('--run <id>', 'one run')
    .option('--limit <n>', 'how many runs', parseIntOption('--limit', 1, 1000), 10)
    .action(async (opts: { run?: string; limit: number }) => {
      await withCrawlRuntime(async (rt) => {
        for (const r of await listRuns(rt.deps, { limit: opts.limit, ...(opts.run ? { runId: opts.run } : {}) })) printJson(r);
      });
    });

  for (const [verb, status] of [
    ['pause', 'paused'],
    ['resume', 'running'],
    ['cancel', 'cancelled'],
  ] as const) {
    crawl
      .command(verb)
      .description(`${verb} a run`)
      .argument('<run>', 'run id')
      .action(async (runId: string) => {
        await withCrawlRuntime(async (rt) => {
          const run = await setRunStatus(rt.deps, cliActor, runId, status);
          printJson({ id: run.id, status: run.status });
        });
      });
  }

  crawl
    .command('demo-site')
    .description('serve the invented demo classifieds site on 127.0.0.1 (for trying the demo profile)')
    .option('--port <port>', 'port', parseIntOption('--port', 0, 65535), 8099)
    .option('--ads <n>', 'how many ads', parseIntOption('--ads', 1, 100_000), 240)
    .action(async (opts: { port: number; ads: number }) => {
      const site = await startDemoSite({ ads: opts.ads, crawlDelaySeconds: 0.2 }, opts.port);
      process.stdout.write(`demo site on ${site.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void site.close().finally(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  const evidence = program.command('evidence').description('evidence packages: WARC captures with a manifest of hashes');
  evidence
    .command('export')
    .description('write the evidence package (tar) of one or more items')
    .requiredOption('--item <ids...>', 'item ids (one ad, or every ad of a network)')
    .requiredOption('-o, --output <file>', 'where to write the package (.tar)')
    .option('--lang <lang>', 'language of the summary: es or en', 'es')
    .option('--label <text>', 'a reference printed on the summary (case number)')
    .option('--purpose <text>', 'why (written to the audit log)')
    .option('--legal-basis <text>', 'under which legal basis (written to the audit log)')
    .action(async (opts: { item: string[]; output: string; lang: string; label?: string; purpose?: string; legalBasis?: string }) => {
      if (opts.lang !== 'es' && opts.lang !== 'en') throw new CliFailure('--lang must be es or en', 2);
      const lang = opts.lang;
      await withCrawlRuntime(async (rt) => {
        const { tar, manifest, manifestSha256 } = await exportEvidence(rt.deps, rt.blobs, cliActor, {
          itemIds: opts.item,
          language: lang,
          label: opts.label ?? null,
          purpose: opts.purpose ?? null,
          legalBasis: opts.legalBasis ?? null,
        });
        await writeFile(opts.output, tar, { mode: 0o600 });
        printJson({ file: opts.output, exportId: manifest.exportId, files: manifest.files.length, manifestSha256 });
      });
    });

  evidence
    .command('verify')
    .description('check every hash of an evidence package; exit code 1 when anything does not match')
    .argument('<package>', 'the .tar file')
    .action(async (file: string) => {
      const report = verifyPackage(await readInputFile(file, 2 ** 31 - 1));
      printJson(report);
      if (!report.ok) throw new CliFailure(`the package does not verify: ${report.problems.length} problem(s), first: ${report.problems[0]!.path}: ${report.problems[0]!.problem}`);
    });
}
