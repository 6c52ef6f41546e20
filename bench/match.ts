// Matching benchmark: a 1M-hash bank in the Matcher, then `POST /api/v1/match` throughput with
// batches of 1,000 hashes on a real listening server (127.0.0.1). Bounded to well under a minute
// and 1.5 GB. Prints figures; no assertions on time.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../packages/server/src/api/app.js';
import { loadConfig } from '../packages/server/src/config/config.js';
import { openRuntime, VERSION } from '../packages/server/src/runtime.js';
import { createApiKey } from '../packages/server/src/services/apiKeyService.js';
import { createBank, importEntries } from '../packages/server/src/services/bankService.js';
import { DbBankSource, type BankInfo, type BankSource, type MatchableEntry } from '../packages/server/src/services/bankSource.js';
import { ensureFirstAdmin } from '../packages/server/src/services/bootstrapService.js';
import { cliActor } from '../packages/server/src/services/deps.js';
import { Matcher, useMatcher } from '../packages/server/src/services/matchService.js';

export interface MatchBenchOptions {
  /** Random hashes in the in-memory bank (default 1,000,000). */
  readonly bankSize?: number;
  /** Hashes imported through the database and loaded from it (default 100,000; 0 to skip). */
  readonly dbSize?: number;
  /** Seconds of HTTP load (default 8). */
  readonly seconds?: number;
  readonly log?: (line: string) => void;
}

export interface MatchBenchResult {
  buildMs: number;
  queriesPerSecond: number;
  plantedFound: number;
  plantedExpected: number;
  falseMatches: number;
}

const BATCH = 1000;
const PLANTED = 1000;
const PAGE = 20_000;

/** The hash with `bits` distinct bits flipped, at positions spread by `seed`. */
function flip(hex: string, bits: number, seed: number): string {
  const bytes = Buffer.from(hex, 'hex');
  for (let b = 0; b < bits; b++) {
    const bit = (b * 97 + seed) % 256; // 97 is coprime with 256: distinct bits
    bytes[bit >> 3]! ^= 1 << (bit & 7);
  }
  return bytes.toString('hex');
}

const entryId = (i: number) => `00000000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

/** One big bank generated page by page (never held as objects), plus planted neighbours of known queries. */
class GeneratedBankSource implements BankSource {
  constructor(
    private readonly size: number,
    private readonly planted: readonly MatchableEntry[],
  ) {}
  async version(): Promise<number> {
    return 1;
  }
  async banks(): Promise<BankInfo[]> {
    return [{ id: 'bench', name: 'bench-1m', enabled: true, revision: 1 }];
  }
  async *entries(): AsyncIterable<MatchableEntry[]> {
    for (let start = 0; start < this.size; start += PAGE) {
      const n = Math.min(PAGE, this.size - start);
      const hex = randomBytes(32 * n).toString('hex');
      const page: MatchableEntry[] = new Array(n);
      for (let i = 0; i < n; i++) page[i] = { id: entryId(start + i), signalType: 'pdq', hash: hex.slice(i * 64, i * 64 + 64), category: 'bench' };
      yield page;
    }
    yield [...this.planted];
  }
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(opts: MatchBenchOptions = {}): Promise<MatchBenchResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const bankSize = opts.bankSize ?? 1_000_000;
  const dbSize = opts.dbSize ?? 100_000;
  const seconds = opts.seconds ?? 8;

  // Queries: PLANTED of them have one neighbour in the bank at a known distance 0..31, and one
  // decoy at 32..40 that must not match.
  const queries = Array.from({ length: PLANTED }, () => randomBytes(32).toString('hex'));
  const planted: MatchableEntry[] = [];
  queries.forEach((q, i) => {
    planted.push({ id: entryId(bankSize + 2 * i), signalType: 'pdq', hash: flip(q, i % 32, i), category: 'planted' });
    planted.push({ id: entryId(bankSize + 2 * i + 1), signalType: 'pdq', hash: flip(q, 32 + (i % 9), i + 1), category: 'decoy' });
  });

  const dataDir = mkdtempSync(path.join(tmpdir(), 'centinela-bench-match-'));
  const config = loadConfig({ CENTINELA_DATA_DIR: dataDir, CENTINELA_SECRET_KEY: randomBytes(32).toString('hex'), CENTINELA_LOG_LEVEL: 'silent', CENTINELA_ADMIN_EMAIL: 'admin@example.org', CENTINELA_ADMIN_PASSWORD: 'bench password that is long' });
  const runtime = await openRuntime(config);
  try {
    // Through the database (SQLite): import and load time.
    if (dbSize > 0) {
      const bank = await createBank(runtime.deps, cliActor, { name: 'bench-db' });
      const file = randomBytes(32 * dbSize).toString('hex').replace(/(.{64})/g, '$1\n');
      let t0 = performance.now();
      const report = await importEntries(runtime.deps, cliActor, bank.id, file, { format: 'lines' });
      const importMs = performance.now() - t0;
      t0 = performance.now();
      const fromDb = new Matcher(new DbBankSource(runtime.deps.db));
      await fromDb.ensureFresh();
      const loadMs = performance.now() - t0;
      log(`database (SQLite): import of ${report.added.toLocaleString('en')} hashes in ${Math.round(importMs)} ms (${Math.round(report.added / (importMs / 1000)).toLocaleString('en')}/s), matcher load ${Math.round(loadMs)} ms`);
    }

    // The 1M bank in memory.
    const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const heapBefore = memory();
    let t0 = performance.now();
    const matcher = new Matcher(new GeneratedBankSource(bankSize, planted));
    await matcher.ensureFresh();
    const buildMs = performance.now() - t0;
    const stats = matcher.stats();
    const heapAfter = memory();
    log(`bank of ${stats.pdqEntries.toLocaleString('en')} PDQ hashes (random + planted) built in ${Math.round(buildMs)} ms; heap and typed arrays +${mb(heapAfter - heapBefore)} MB (index, ids, categories), RSS ${mb(process.memoryUsage().rss)} MB`);

    // One query at a time, in process: the matcher's own latency.
    const single: number[] = [];
    for (let i = 0; i < 300; i++) {
      const s = performance.now();
      await matcher.match([{ signalType: 'pdq', hash: queries[i]! }]);
      single.push(performance.now() - s);
    }
    const batchQueries = Array.from({ length: BATCH }, () => ({ signalType: 'pdq' as const, hash: randomBytes(32).toString('hex') }));
    const batchMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      await matcher.match(batchQueries);
      batchMs.push(performance.now() - s);
    }
    const inProcess = Math.round(BATCH / (median(batchMs) / 1000));
    log(`in process, one core: query at radius 31 median ${median(single).toFixed(3)} ms; a batch of ${BATCH} in ${Math.round(median(batchMs))} ms (${inProcess.toLocaleString('en')} queries/s)`);

    // The HTTP API on a real listening server.
    useMatcher(runtime.deps, matcher);
    await ensureFirstAdmin(runtime.deps);
    const admin = await runtime.deps.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow();
    const { secret } = await createApiKey(runtime.deps, { type: 'user', id: admin.id, ip: null }, { name: 'bench', scopes: ['media:match'] });
    const app = await buildApp({ config, deps: runtime.deps, dialect: runtime.database.dialect, blobs: runtime.blobs, queue: runtime.queue, version: VERSION });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/match`;
    try {
      // Each batch: the 1,000 planted queries once, then random hashes (misses, the common case).
      const bodies = [JSON.stringify({ hashes: queries.map((hash) => ({ hash })) })];
      for (let b = 0; b < 8; b++) bodies.push(JSON.stringify({ hashes: Array.from({ length: BATCH }, () => ({ hash: randomBytes(32).toString('hex') })) }));
      const post = async (body: string) => {
        const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body });
        if (res.status !== 200) throw new Error(`match answered ${res.status}: ${await res.text()}`);
        return (await res.json()) as { results: Array<{ status: string; matches: Array<{ entryId: string; distance: number }> }> };
      };

      // Recall on the planted batch.
      const first = await post(bodies[0]!);
      let plantedFound = 0;
      let falseMatches = 0;
      first.results.forEach((r, i) => {
        const expected = entryId(bankSize + 2 * i);
        if (r.matches.some((m) => m.entryId === expected && m.distance === i % 32)) plantedFound++;
        falseMatches += r.matches.filter((m) => m.entryId === entryId(bankSize + 2 * i + 1)).length;
      });

      // Throughput: two requests in flight (one per core's worth of work), for `seconds`.
      let done = 0;
      const latencies: number[] = [];
      const deadline = performance.now() + seconds * 1000;
      t0 = performance.now();
      const client = async (k: number) => {
        for (let i = k; performance.now() < deadline; i += 2) {
          const s = performance.now();
          await post(bodies[1 + (i % (bodies.length - 1))]!);
          latencies.push(performance.now() - s);
          done += BATCH;
        }
      };
      await Promise.all([client(0), client(1)]);
      const elapsed = (performance.now() - t0) / 1000;
      const queriesPerSecond = Math.round(done / elapsed);
      log(`POST /api/v1/match, batches of ${BATCH} against ${stats.pdqEntries.toLocaleString('en')} hashes: ${queriesPerSecond.toLocaleString('en')} hash queries/s (${done.toLocaleString('en')} in ${elapsed.toFixed(1)} s; batch median ${Math.round(median(latencies))} ms; ×${(queriesPerSecond / inProcess).toFixed(2)} of the in-process rate; target ≥ 2,000/s)`);
      log(`recall: ${plantedFound}/${PLANTED} planted neighbours found at their distance (0..31); ${falseMatches} decoys at 32..40 matched (expected 0); RSS ${mb(process.memoryUsage().rss)} MB`);
      return { buildMs, queriesPerSecond, plantedFound, plantedExpected: PLANTED, falseMatches };
    } finally {
      await app.close();
    }
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
