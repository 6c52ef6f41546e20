import { z } from 'zod';
import { systemActor } from '../../services/deps.js';
import { listProfiles } from '../../services/crawl/profileService.js';
import { CRAWL_RUN_TASK, startRun } from '../../services/crawl/runService.js';
import { enqueueInDb } from '../enqueueInDb.js';
import type { TaskDefinition } from '../queue.js';

export const CRAWL_SCHEDULE_TASK = 'crawl.schedule';

/**
 * Starts the recrawl of every profile whose `recrawl.everyHours` has passed since its last run began (and that has
 * no run active), so removals are noticed on schedule. Idempotent: a profile's active run blocks a second start.
 */
export const crawlScheduleTask: TaskDefinition<Record<string, never>> = {
  name: CRAWL_SCHEDULE_TASK,
  role: 'crawl',
  payload: z.strictObject({}) as unknown as z.ZodType<Record<string, never>>,
  maxAttempts: 3,
  async run(_payload, { deps }) {
    const now = deps.clock.now().getTime();
    for (const p of await listProfiles(deps)) {
      const every = p.profile.recrawl?.everyHours;
      if (!every) continue;
      const last = await deps.db.selectFrom('crawl_run').select(['started_at', 'status']).where('profile_id', '=', p.id).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
      if (last && (last.status === 'running' || last.status === 'paused')) continue;
      if (last && now - new Date(last.started_at).getTime() < every * 3_600_000) continue;
      const { run, resumed } = await startRun(deps, systemActor, p.name);
      if (!resumed) await enqueueInDb(deps, CRAWL_RUN_TASK, { runId: run.id, slice: 0, lane: 0 }, { jobKey: `${CRAWL_RUN_TASK}:${run.id}:0:0` });
    }
  },
};
