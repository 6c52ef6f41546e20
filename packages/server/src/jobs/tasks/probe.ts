import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { isoNow } from '../../services/clock.js';
import type { TaskDefinition } from '../queue.js';

const payload = z.strictObject({
  token: z.string().min(8).max(100),
  /** How long the probe holds its worker, to check behaviour under load or a crash mid-job. */
  holdMs: z.number().int().min(0).max(600_000).default(0),
});

/**
 * Proves that workers run jobs end to end (`centinela jobs probe`). Its effect, one row per token,
 * is written once however often the job is retried.
 */
export const probeTask: TaskDefinition<z.output<typeof payload>> = {
  name: 'system.probe',
  role: 'system',
  payload,
  maxAttempts: 5,
  async run({ token, holdMs }, { deps, jobId, workerId }) {
    if (holdMs > 0) await sleep(holdMs);
    await deps.db
      .insertInto('job_probe')
      .values({ token, job_id: jobId, worker_id: workerId, done_at: isoNow(deps.clock) })
      .onConflict((oc) => oc.column('token').doNothing())
      .execute();
  },
};
