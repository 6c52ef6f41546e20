import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/main.js';
import { DIALECTS, startTestApp, type TestApp } from '../test/harness.js';
import { appendAudit, verifyAuditChain } from './auditService.js';
import { cliActor } from './deps.js';

/** Runs `centinela audit verify` in this process against the test's database and captures its output. */
async function auditVerify(env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await runCli(['node', 'centinela', 'audit', 'verify']);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.exitCode = undefined;
  }
}

describe.each(DIALECTS)('hash-chained audit log on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    // Every test starts from a fresh chain of state changes made through the API.
    const admin = await t.admin();
    for (let i = 0; i < 3; i++) {
      await t.as(admin, 'POST', '/api/v1/users', { email: `audit-${Date.now()}-${i}@example.org`, displayName: `Audit ${i}`, roles: ['analyst'] });
    }
  });

  const rows = () => t.runtime.deps.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  it('records who did what, when and from where, for every state change', async () => {
    const entries = await rows();
    const create = entries.filter((e) => e.action === 'user.create' && e.actor_type === 'user');
    expect(create.length).toBeGreaterThanOrEqual(3);
    expect(create[0]).toMatchObject({ target_type: 'user', outcome: 'success' });
    expect(create[0]!.ip).toBe('127.0.0.1');
    expect(entries.some((e) => e.action === 'auth.login')).toBe(true);
  });

  it('writes one entry for a failed sign-in, with its reason, and one for a refused request', async () => {
    const before = (await rows()).at(-1)!.seq;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.org', password: 'wrong password 123' } });
    expect(res.statusCode).toBe(401);
    const added = (await rows()).filter((e) => Number(e.seq) > Number(before));
    expect(added.map((e) => [e.action, e.outcome, JSON.parse(e.details ?? '{}').reason])).toEqual([['auth.login', 'failure', 'unknown_account']]);
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/users', payload: {} });
    expect(refused.statusCode).toBe(401);
    expect((await rows()).at(-1)).toMatchObject({ action: 'http.rejected', outcome: 'denied' });
  });

  it('records the stated purpose of a search of the log itself', async () => {
    const admin = await t.admin();
    const res = await t.as(admin, 'GET', `/api/v1/audit?purpose=${encodeURIComponent('revisión trimestral')}&limit=5`);
    expect(res.statusCode).toBe(200);
    const last = (await rows()).at(-1)!;
    expect(last).toMatchObject({ action: 'audit.search', purpose: 'revisión trimestral' });
    expect((await t.as(admin, 'GET', '/api/v1/audit')).statusCode).toBe(400); // no purpose, no search
  });

  it('keeps one unbroken chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(t.runtime.deps, cliActor, { action: 'test.concurrent', details: { i } })));
    expect(await verifyAuditChain(t.runtime.deps.db)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(t.runtime.deps.db, 7)).toMatchObject({ ok: true }); // across page boundaries
  });

  it('verifies an intact chain with exit code 0', async () => {
    const result = await auditVerify(t.env.env);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/audit chain intact: \d+ entries/);
  });

  describe('tampering', () => {
    let snapshot: Awaited<ReturnType<typeof rows>>;
    beforeEach(async () => {
      snapshot = await rows();
    });
    afterEach(async () => {
      // Restore the untampered chain for the next test.
      await t.runtime.deps.db.deleteFrom('audit_log').execute();
      for (const r of snapshot) await t.runtime.deps.db.insertInto('audit_log').values(r).execute();
      expect((await verifyAuditChain(t.runtime.deps.db)).ok).toBe(true);
    });

    it('an edited entry → non-zero exit naming it', async () => {
      const victim = snapshot[3]!;
      await t.runtime.deps.db.updateTable('audit_log').set({ actor_id: 'someone-else' }).where('seq', '=', victim.seq).execute();
      const result = await auditVerify(t.env.env);
      expect(result.code).not.toBe(0);
      expect(result.err).toContain(`broken at entry ${victim.seq}`);
      expect(await verifyAuditChain(t.runtime.deps.db, 2)).toMatchObject({ ok: false, brokenSeq: victim.seq });
    });

    it('a deleted entry → non-zero exit naming where the chain breaks', async () => {
      const victim = snapshot[2]!;
      await t.runtime.deps.db.deleteFrom('audit_log').where('seq', '=', victim.seq).execute();
      const result = await auditVerify(t.env.env);
      expect(result.code).not.toBe(0);
      expect(result.err).toContain(`broken at entry ${victim.seq + 1}`);
    });

    it('the newest entry deleted → non-zero exit (the head remembers it)', async () => {
      const victim = snapshot.at(-1)!;
      await t.runtime.deps.db.deleteFrom('audit_log').where('seq', '=', victim.seq).execute();
      const result = await auditVerify(t.env.env);
      expect(result.code).not.toBe(0);
      expect(result.err).toContain(`broken at entry ${victim.seq}`);
    });

    it('reordered entries → non-zero exit naming the first moved one', async () => {
      const [a, b] = [snapshot[1]!, snapshot[2]!];
      // Swap the two rows' contents while keeping the sequence numbers in place.
      await t.runtime.deps.db.deleteFrom('audit_log').where('seq', 'in', [a.seq, b.seq]).execute();
      await t.runtime.deps.db.insertInto('audit_log').values([{ ...b, seq: a.seq }, { ...a, seq: b.seq, id: `${a.id}-moved` }]).execute();
      const result = await auditVerify(t.env.env);
      expect(result.code).not.toBe(0);
      expect(result.err).toContain(`broken at entry ${a.seq}`);
    });
  });
});
