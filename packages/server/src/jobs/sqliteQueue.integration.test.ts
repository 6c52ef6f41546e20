import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../runtime.js';
import { createTestEnv, type TestEnv } from '../test/harness.js';

// The embedded queue (SQLite only; PostgreSQL runs graphile-worker).
describe('the embedded queue worker', () => {
  let env: TestEnv;
  let runtime: Runtime;

  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    runtime = await openRuntime(env.config);
  });
  afterAll(async () => {
    await runtime.close();
    await env.cleanup();
  });

  it('starts the next due job when one finishes, without waiting for the poll interval', async () => {
    const tokens = ['wake-one-0001', 'wake-two-0002', 'wake-three-0003'];
    for (const token of tokens) await runtime.queue.enqueue('system.probe', { token });
    // A poll interval far longer than the test: only a finishing job can get the second and third claimed.
    const worker = await runtime.queue.startWorker({ roles: ['system'], concurrency: 1, pollIntervalMs: 3_600_000 });
    try {
      let done = 0;
      for (let i = 0; i < 200 && done < tokens.length; i++) {
        done = (await runtime.deps.db.selectFrom('job_probe').select('token').where('token', 'in', tokens).execute()).length;
        if (done < tokens.length) await sleep(50);
      }
      expect(done).toBe(tokens.length);
      const jobs = await runtime.deps.db.selectFrom('job').select('status').where('task', '=', 'system.probe').execute();
      expect(jobs.map((j) => j.status)).toEqual(['done', 'done', 'done']);
    } finally {
      await worker.stop();
    }
  });
});
