import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Start-up time and memory of `centinela serve` on SQLite, first start (migrations, admin, demo) and second. */
export async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'centinela-bench-serve-'));
  try {
    const first = await measureStart(dataDir, 18990);
    const second = await measureStart(dataDir, 18991);
    console.log(`serve (SQLite) first start, with migrations and demo seed: ready in ${first.readyMs} ms, RSS ${first.rssMb} MB, after 200 requests ${first.rssAfterMb} MB`);
    console.log(`serve (SQLite) warm start: ready in ${second.readyMs} ms, RSS ${second.rssMb} MB, after 200 requests ${second.rssAfterMb} MB`);
    console.log(`  ${second.reqPerSec} req/s for GET /api/v1/auth/session (signed in, one client, keep-alive)`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureStart(dataDir: string, port: number) {
  const started = performance.now();
  const password = 'bench password that is long';
  const proc = spawn(process.execPath, ['packages/server/bin/centinela.js', 'serve', '--demo', '--port', String(port), '--host', '127.0.0.1'], {
    env: {
      ...process.env,
      CENTINELA_DATA_DIR: dataDir,
      CENTINELA_SECRET_KEY: randomBytes(32).toString('hex'),
      CENTINELA_ADMIN_EMAIL: 'admin@example.org',
      CENTINELA_ADMIN_PASSWORD: password,
      CENTINELA_LOG_LEVEL: 'warn',
      CENTINELA_LOGIN_RATE_PER_MINUTE: '10000',
    },
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 30_000) throw new Error('serve did not start within 30 s');
      await sleep(10);
    }
    const readyMs = Math.round(performance.now() - started);
    await sleep(200);
    const rssMb = rss(proc.pid!);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) await (await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } })).arrayBuffer();
    const reqPerSec = Math.round(200 / ((performance.now() - t0) / 1000));
    return { readyMs, rssMb, rssAfterMb: rss(proc.pid!), reqPerSec };
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  }
}

function rss(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 1024);
}
