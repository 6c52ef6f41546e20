import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../runtime.js';
import { validateProfile } from '../../services/crawl/profile.js';
import { saveProfile } from '../../services/crawl/profileService.js';
import { setRunStatus, startRun } from '../../services/crawl/runService.js';
import { cliActor } from '../../services/deps.js';
import { createTestEnv, DIALECTS, TestClock, type TestEnv } from '../../test/harness.js';
import { crawlScheduleTask } from './crawlSchedule.js';

describe.each(DIALECTS)('the recrawl schedule, on %s', (dialect) => {
  let env: TestEnv;
  let runtime: Runtime;
  const clock = new TestClock();

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    runtime = await openRuntime(env.config, { clock });
  });
  afterAll(async () => {
    await runtime.close();
    await env.cleanup();
  });

  const runs = (profile: string) =>
    runtime.deps.db.selectFrom('crawl_run as r').innerJoin('crawl_profile as p', 'p.id', 'r.profile_id').select(['r.id', 'r.status', 'r.kind']).where('p.name', '=', profile).orderBy('r.started_at').execute();
  const tick = () => crawlScheduleTask.run({}, { deps: runtime.deps, jobId: 'j', workerId: 'w', attempt: 1 });

  it('starts a profile again once its interval has passed since its last run began, never while one is active', async () => {
    await saveProfile(runtime.deps, cliActor, validateProfile({ name: 'daily', startUrls: ['https://ads.example/'], itemPages: '^/ad/', recrawl: { everyHours: 24 } }));
    await saveProfile(runtime.deps, cliActor, validateProfile({ name: 'manual', startUrls: ['https://ads.example/'], itemPages: '^/ad/' }));
    await tick();
    expect(await runs('daily')).toHaveLength(1); // never crawled: due at once
    expect(await runs('manual')).toHaveLength(0);
    clock.advance(25 * 3_600_000);
    await tick();
    expect(await runs('daily')).toHaveLength(1); // the first is still running
    await setRunStatus(runtime.deps, cliActor, (await runs('daily'))[0]!.id, 'cancelled');
    clock.advance(3_600_000);
    await tick();
    expect((await runs('daily')).map((r) => r.status)).toEqual(['cancelled', 'running']);
    await setRunStatus(runtime.deps, cliActor, (await runs('daily'))[1]!.id, 'cancelled');
    clock.advance(23 * 3_600_000);
    await tick();
    expect(await runs('daily')).toHaveLength(2); // 23 h after the last start: not yet
    expect((await startRun(runtime.deps, cliActor, 'manual')).resumed).toBe(false);
    if (dialect === 'sqlite') {
      const jobs = await runtime.deps.db.selectFrom('job').select('task').where('task', '=', 'crawl.run').execute();
      expect(jobs).toHaveLength(2);
    }
  });
});
