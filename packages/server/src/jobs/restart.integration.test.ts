import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../runtime.js';
import { createTestEnv, DIALECTS, type TestEnv } from '../test/harness.js';

const BIN = fileURLToPath(new URL('../../bin/centinela.js', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)));

/** Starts `centinela worker` as a real process and resolves with its id once it runs. */
function startWorker(env: Record<string, string>): Promise<{ proc: ChildProcess; id: string }> {
  const proc = spawn(process.execPath, [BIN, 'worker', '--roles', 'system', '--poll-ms', '100', '--concurrency', '1'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const id = /worker (\S+) running/.exec(out)?.[1];
      if (id) resolve({ proc, id });
    });
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('exit', (code) => reject(new Error(`worker exited early (${code}): ${err}`)));
  });
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!BUILT).each(DIALECTS)('a job survives kill -9 of its worker, on %s', (dialect) => {
  let env: TestEnv;
  let runtime: Runtime;
  const procs: ChildProcess[] = [];

  beforeAll(async () => {
    env = await createTestEnv(dialect, { CENTINELA_WORKER_HEARTBEAT_SECONDS: '0.2', CENTINELA_WORKER_STALE_SECONDS: '1.5' });
    runtime = await openRuntime(env.config);
  });
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    await runtime.close();
    await env.cleanup();
  });

  it('runs the job again on another worker, with exactly one effect', async () => {
    const token = `restart-${dialect}-${Date.now()}`;
    await runtime.queue.enqueue('system.probe', { token, holdMs: 5000 });
    const probeRows = () => runtime.deps.db.selectFrom('job_probe').selectAll().where('token', '=', token).execute();

    const first = await startWorker(env.env);
    procs.push(first.proc);
    // The worker claims the job at once and holds it for five seconds; kill it in the middle.
    await waitFor('the first worker to claim the job', async () => {
      const w = await runtime.deps.db.selectFrom('worker').select('engine_ids').where('id', '=', first.id).executeTakeFirst();
      return w ? true : undefined;
    });
    await sleep(1500);
    first.proc.kill('SIGKILL');
    await new Promise((r) => first.proc.once('exit', r));
    expect(await probeRows()).toHaveLength(0);

    await sleep(1600); // let the dead worker's heartbeat go stale
    const second = await startWorker(env.env);
    procs.push(second.proc);
    const rows = await waitFor('the job to run again', async () => {
      const r = await probeRows();
      return r.length > 0 ? r : undefined;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.worker_id).toBe(second.id);
    if (dialect === 'sqlite') {
      const job = await runtime.deps.db.selectFrom('job').selectAll().where('task', '=', 'system.probe').executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: 'done', attempts: 2 });
    }
    second.proc.kill('SIGTERM');
    await new Promise((r) => second.proc.once('exit', r));
    expect(await probeRows()).toHaveLength(1);
  }, 60_000);

  it('enqueues a job with a key only once and refuses unknown tasks and bad payloads', async () => {
    const a = await runtime.queue.enqueue('system.probe', { token: 'keyed-token-1' }, { jobKey: 'same-key' });
    const b = await runtime.queue.enqueue('system.probe', { token: 'keyed-token-1' }, { jobKey: 'same-key' });
    expect(b.id).toBe(a.id);
    await expect(runtime.queue.enqueue('no.such.task', {})).rejects.toMatchObject({ code: 'job.unknown_task' });
    await expect(runtime.queue.enqueue('system.probe', { token: 1 })).rejects.toMatchObject({ code: 'job.invalid_payload' });
  });
});
