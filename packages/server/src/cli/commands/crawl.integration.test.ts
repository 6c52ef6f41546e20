import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { demoProfile, startDemoSite, type DemoSite } from '../../demo/crawlSite.js';
import { closeFetchers } from '../../net/safeFetch.js';
import { openRuntime, type Runtime } from '../../runtime.js';
import { readTar, writeTar } from '../../services/crawl/tar.js';
import { runCliCaptured } from '../../test/cli.js';
import { createTestEnv, DIALECTS, type TestEnv } from '../../test/harness.js';

const BIN = fileURLToPath(new URL('../../../bin/centinela.js', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url)));

const CRAWL_ENV = {
  CENTINELA_CRAWL_ALLOW_PRIVATE: '127.0.0.1',
  CENTINELA_CRAWL_MAX_BYTES: String(1024 * 1024),
  CENTINELA_CRAWL_TIMEOUT_MS: '1500',
  CENTINELA_WORKER_HEARTBEAT_SECONDS: '0.2',
  CENTINELA_WORKER_STALE_SECONDS: '1.5',
};

describe.each(DIALECTS)('centinela crawl and evidence, on %s', (dialect) => {
  let env: TestEnv;
  let site: DemoSite;
  let runtime: Runtime;
  const procs: ChildProcess[] = [];

  beforeAll(async () => {
    env = await createTestEnv(dialect, CRAWL_ENV);
    site = await startDemoSite({ ads: 40, perPage: 10 });
    runtime = await openRuntime(env.config);
  });
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    await site.close();
    await closeFetchers();
    await runtime.close();
    await env.cleanup();
  });

  const cli = (...args: string[]) => runCliCaptured(args, env.env);
  const file = (name: string, text: string) => {
    const f = path.join(env.dataDir, name);
    writeFileSync(f, text);
    return f;
  };

  it('refuses a malformed profile with its line and reason, and changes nothing', async () => {
    const bad = file('bad.yaml', 'name: broken\nstartUrls:\n  - http://127.0.0.1/\nitemPages: "((("\n');
    const r = await cli('crawl', 'profile', 'add', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/crawl\.invalid_profile: line 4, itemPages: is not a valid regular expression/);
    const notYaml = file('bad2.yaml', 'name: [unclosed\n');
    expect((await cli('crawl', 'profile', 'add', notYaml)).err).toMatch(/crawl\.invalid_profile: line \d+/);
    expect(await runtime.deps.db.selectFrom('crawl_profile').selectAll().execute()).toEqual([]);
  });

  it('adds a profile, crawls it to the end, reports status, and exports an evidence package that verifies — and detects tampering', async () => {
    const profile = demoProfile(site.url, { politeness: { delayMs: 0, maxAttempts: 2 }, limits: { maxDepth: 10, maxPages: 500, maxImagesPerItem: 1 } });
    const add = await cli('crawl', 'profile', 'add', file('demo.yaml', stringify(profile)));
    expect(add.code, add.err).toBe(0);
    expect(JSON.parse(add.out)).toMatchObject({ name: 'demo-classifieds', version: 1, created: true });

    const start = await cli('crawl', 'start', 'demo-classifieds');
    expect(start.code, start.err).toBe(0);
    const progress = JSON.parse(start.out.trim().split('\n').at(-1)!);
    expect(progress).toMatchObject({ status: 'done', queued: 0, itemsFound: 40 });
    const status = await cli('crawl', 'status');
    expect(JSON.parse(status.out.trim().split('\n')[0]!)).toMatchObject({ id: progress.id, status: 'done' });

    const items = await runtime.deps.db.selectFrom('item').select(['id', 'url']).where('source', '=', 'crawl').orderBy('url').execute();
    const out = path.join(env.dataDir, 'evidence.tar');
    const exp = await cli('evidence', 'export', '--item', items[0]!.id, items[1]!.id, '-o', out, '--lang', 'en', '--label', 'Case 2026/17', '--purpose', 'test');
    expect(exp.code, exp.err).toBe(0);
    const entries = readTar(readFileSync(out));
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['manifest.json', 'summary.html']));
    expect(entries.filter((e) => e.name.endsWith('.warc')).length).toBeGreaterThanOrEqual(4); // page + image per item
    const summary = entries.find((e) => e.name === 'summary.html')!.data.toString();
    expect(summary).toContain('Evidence package');
    expect(summary).toContain('Case 2026/17');
    const audit = await runtime.deps.db.selectFrom('audit_log').select(['details', 'purpose']).where('action', '=', 'evidence.export').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ items: 2, manifestSha256: JSON.parse(exp.out).manifestSha256 });
    expect(audit.purpose).toBe('test');

    const ok = await cli('evidence', 'verify', out);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, problems: [] });

    // One changed byte in one WARC: the file hash and the record digest no longer match.
    const tampered = entries.map((e) => ({ name: e.name, data: Buffer.from(e.data) }));
    const warc = tampered.find((e) => e.name.endsWith('.warc') && e.data.includes('Tel: '))!;
    const at = warc.data.indexOf('Tel: ');
    warc.data[at + 6] = warc.data[at + 6] === 0x31 ? 0x32 : 0x31;
    const bad = path.join(env.dataDir, 'tampered.tar');
    writeFileSync(bad, writeTar(tampered, new Date()));
    const r = await cli('evidence', 'verify', bad);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).problems, r.out).toEqual(
      expect.arrayContaining([
        { path: warc.name, problem: 'SHA-256 does not match the manifest' },
        expect.objectContaining({ path: warc.name, problem: expect.stringMatching(/WARC-Block-Digest/) }),
      ]),
    );
    // A file removed from the package is reported missing.
    writeFileSync(bad, writeTar(tampered.filter((e) => e !== warc), new Date()));
    expect(JSON.parse((await cli('evidence', 'verify', bad)).out).problems).toContainEqual({ path: warc.name, problem: 'missing' });
    expect((await cli('evidence', 'export', '--item', '00000000-0000-7000-8000-000000000000', '-o', bad)).err).toMatch(/evidence\.item_not_found/);
  }, 60_000);

  it.skipIf(!BUILT)('survives kill -9 mid-crawl: the restart finishes, each page recorded once, only in-flight URLs fetched again', async () => {
    const profile = demoProfile(site.url, { name: 'slow-demo', politeness: { delayMs: 40, maxAttempts: 3 }, limits: { maxDepth: 10, maxPages: 500, maxImagesPerItem: 1 } });
    expect((await cli('crawl', 'profile', 'add', file('slow.yaml', stringify(profile)))).code).toBe(0);
    site.hits.clear();
    const start = () => {
      const proc = spawn(process.execPath, [BIN, 'crawl', 'start', 'slow-demo', '--concurrency', '2'], { env: { ...process.env, ...env.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      procs.push(proc);
      let out = '';
      let err = '';
      proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      return { proc, done: new Promise<{ code: number | null; out: string; err: string }>((r) => proc.on('exit', (code) => r({ code, out, err }))) };
    };
    const first = start();
    const fetched = () => [...site.hits.entries()].filter(([k]) => k.startsWith('/ad/')).length;
    const deadline = Date.now() + 30_000;
    while (fetched() < 15 && Date.now() < deadline) await sleep(20);
    first.proc.kill('SIGKILL');
    await first.done;
    const run = await runtime.deps.db.selectFrom('crawl_run as r').innerJoin('crawl_profile as p', 'p.id', 'r.profile_id').select(['r.id', 'r.status']).where('p.name', '=', 'slow-demo').executeTakeFirstOrThrow();
    expect(run.status).toBe('running');
    const left = await runtime.deps.db.selectFrom('crawl_frontier').select('id').where('run_id', '=', run.id).where('status', 'in', ['queued', 'fetching']).execute();
    expect(left.length).toBeGreaterThan(0); // killed mid-crawl

    await sleep(1700); // the dead process's heartbeat goes stale
    const second = await start().done;
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain(`crawl run ${run.id} continues`);

    const rows = await runtime.deps.db.selectFrom('crawl_frontier').selectAll().where('run_id', '=', run.id).execute();
    expect(rows.filter((r) => r.status === 'queued' || r.status === 'fetching')).toEqual([]);
    const captures = await runtime.deps.db.selectFrom('crawl_capture').select('url').where('run_id', '=', run.id).where('kind', '=', 'page').execute();
    const perUrl = new Map<string, number>();
    for (const c of captures) perUrl.set(c.url, (perUrl.get(c.url) ?? 0) + 1);
    expect([...perUrl.values()].every((n) => n === 1)).toBe(true);
    for (const id of site.adIds) expect(perUrl.has(`${site.url}/ad/${id}`), `ad ${id}`).toBe(true);
    // Only what was in flight at the kill (at most the concurrency) reached the site twice.
    const twice = [...site.hits.entries()].filter(([k, n]) => (k.startsWith('/ad/') || k.startsWith('/listings')) && n > 1);
    expect(twice.length).toBeLessThanOrEqual(2);
    const progress = await cli('crawl', 'status', '--run', run.id);
    expect(JSON.parse(progress.out)).toMatchObject({ status: 'done', itemsFound: 40 });
  }, 90_000);
});
