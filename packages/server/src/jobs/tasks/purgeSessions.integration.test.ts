import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../test/harness.js';
import { purgeSessionsTask } from './purgeSessions.js';

describe.each(DIALECTS)('system.purgeSessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('deletes expired sessions and keeps live ones', async () => {
    const old = await t.admin();
    t.clock.advance(13 * 3_600_000);
    const live = await t.admin();
    await purgeSessionsTask.run({}, { deps: t.runtime.deps, jobId: 'j', workerId: 'w', attempt: 1 });
    const left = await t.runtime.deps.db.selectFrom('session').select('user_id').execute();
    expect(left).toHaveLength(1);
    expect((await t.as(live, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await t.as(old, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });
});
