import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reencryptFieldsTask } from '../../jobs/tasks/reencryptFields.js';
import { keyStatus } from '../../services/cases/keyRotation.js';
import { caseRecord } from '../../test/cases.js';
import { runCliCaptured } from '../../test/cli.js';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('centinela keys, stats and cases on %s', (dialect) => {
  let t: TestApp;
  let cw: Session;
  let cwEmail: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    const u = await t.userWithRoles(['caseworker']);
    cw = u.session;
    cwEmail = u.email;
    for (let i = 0; i < 12; i++) await t.as(cw, 'POST', '/api/v1/cases', { record: caseRecord({ firstName: `Persona${i}` }) });
  });
  afterAll(() => t.close());
  const cli = (args: string[]) => runCliCaptured(args, t.env.env);

  it('keys rotate re-encrypts every field under a new key, and the cases still read', async () => {
    expect(JSON.parse((await cli(['keys', 'status'])).out)).toMatchObject({ activeVersion: 1, pending: 0 });
    const res = await cli(['keys', 'rotate', '--batch', '7']);
    expect(res.code, res.err).toBe(0);
    expect(JSON.parse(res.out)).toMatchObject({ activeVersion: 2, pending: 0, reencrypted: 12 * 9 });
    const keys = await t.runtime.deps.db.selectFrom('sealed_field').select('key_id').execute();
    expect(new Set(keys.map((k) => k.key_id))).toEqual(new Set(['case-field:v2']));
    const list = (await t.as(cw, 'GET', '/api/v1/cases?names=true')).json().cases;
    expect(list.map((c: { name: string }) => c.name)).toContain('Persona3 Quillfeather');
    const resumed = await cli(['keys', 'rotate', '--resume']);
    expect(JSON.parse(resumed.out)).toMatchObject({ activeVersion: 2, reencrypted: 0 });
  });

  it('keys rotate --background queues the resumable re-encryption job, which finishes it', async () => {
    const res = await cli(['keys', 'rotate', '--background']);
    expect(res.code, res.err).toBe(0);
    expect(JSON.parse(res.out)).toMatchObject({ activeVersion: 3, queued: true });
    expect((await keyStatus(t.runtime.deps)).pending).toBeGreaterThan(0);
    if (dialect === 'sqlite') expect(await t.runtime.deps.db.selectFrom('job').select('task').where('task', '=', 'cases.reencryptFields').execute()).toHaveLength(1);
    await reencryptFieldsTask.run({}, { deps: t.runtime.deps, jobId: 'j', workerId: 'w', attempt: 1 });
    expect(await keyStatus(t.runtime.deps)).toMatchObject({ activeVersion: 3, pending: 0, retiringVersions: [] });
    expect((await t.as(cw, 'GET', '/api/v1/cases?names=true')).json().cases).toHaveLength(12);
  });

  it('stats publish prints the table with its privacy parameters; bad options exit 2', async () => {
    const res = await cli(['stats', 'publish', '--title', 'Casos por sexo', '--dimensions', 'sex', '--k', '5']);
    expect(res.code, res.err).toBe(0);
    expect(res.err).toContain('counts below 5 suppressed');
    const pub = JSON.parse(res.out);
    expect(pub.table.privacy).toMatchObject({ method: 'k-anonymity', k: 5 });
    expect(pub.table.cells.find((c: { key: string[] }) => c.key[0] === 'Feminine').value).toBe(12);
    const csv = await cli(['stats', 'csv', pub.id]);
    expect(csv.out).toContain('Feminine,12,false,k-anonymity,5,,');
    expect((await cli(['stats', 'publish', '--title', 'x', '--dimensions', 'sex', '--method', 'magic'])).code).toBe(2);
    expect((await cli(['stats', 'publish', '--title', 'x', '--dimensions', 'sex', '--method', 'dp-laplace', '--epsilon', '-1'])).code).toBe(2);
    const dp = await cli(['stats', 'publish', '--title', 'DP', '--dimensions', 'ageBand', '--method', 'dp-laplace', '--epsilon', '0.8']);
    expect(JSON.parse(dp.out).table.privacy).toMatchObject({ method: 'dp-laplace', epsilon: 0.8 });
    expect((await cli(['stats', 'list'])).out.trim().split('\n')).toHaveLength(2);
  });

  it('cases org and team manage the directory and teams', async () => {
    const org = await cli(['cases', 'org', 'add', '--name', 'Refugio CLI Ejemplo', '--services', 'shelter,health', '--country', 'CO']);
    expect(org.code, org.err).toBe(0);
    const orgId = JSON.parse(org.out).id;
    expect((await cli(['cases', 'org', 'add', '--name', 'x', '--services', 'spa'])).code).toBe(2);
    const partner = await t.userWithRoles(['partner']);
    expect((await cli(['cases', 'org', 'member', orgId, '--email', partner.email])).code).toBe(0);
    expect((await cli(['cases', 'org', 'member', orgId, '--email', cwEmail])).err).toContain('organisation.member_not_partner');
    expect(JSON.parse((await cli(['cases', 'org', 'list'])).out).map((o: { name: string }) => o.name)).toContain('Refugio CLI Ejemplo');
    const team = JSON.parse((await cli(['cases', 'team', 'add', '--name', 'Equipo CLI'])).out);
    expect((await cli(['cases', 'team', 'member', team.id, '--email', cwEmail])).code).toBe(0);
    const members = await t.runtime.deps.db.selectFrom('team_member').select('user_id').where('team_id', '=', team.id).execute();
    expect(members).toEqual([{ user_id: cw.userId }]);
    const nobody = await cli(['cases', 'team', 'member', team.id, '--email', 'nadie@ejemplo.test']);
    expect([nobody.code, nobody.err]).toEqual([1, 'centinela: no user has the e-mail nadie@ejemplo.test\n']);
  });

  it('cases import is all or nothing and lists every problem', async () => {
    const good = path.join(t.env.dataDir, 'good.csv');
    writeFileSync(good, 'cas_Status,ctn_case_registeredOn,prs_Gender\r\nActive,2026-01-10,Feminine\r\nActive,2026-01-11,Masculine\r\n');
    const ok = await cli(['cases', 'import', good, '--owner', cwEmail]);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out).imported).toBe(2);
    const bad = path.join(t.env.dataDir, 'bad.csv');
    writeFileSync(bad, 'cas_Status,ctn_case_registeredOn,prs_Gender\r\nActive,2026-01-10,Feminine\r\nNope,2026-01-11,Masculine\r\n');
    const before = (await t.runtime.deps.db.selectFrom('case_record').select('id').execute()).length;
    const res = await cli(['cases', 'import', bad, '--owner', cwEmail]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('"line":3');
    expect(res.err).toContain('import.invalid');
    expect((await t.runtime.deps.db.selectFrom('case_record').select('id').execute()).length).toBe(before);
    // Only a caseworker or a supervisor owns cases; a missing file is refused before anything is read.
    const partner = await t.userWithRoles(['partner']);
    expect((await cli(['cases', 'import', good, '--owner', partner.email])).err).toContain('is not a caseworker or supervisor');
    expect((await cli(['cases', 'import', path.join(t.env.dataDir, 'missing.csv'), '--owner', cwEmail])).code).toBe(2);
    expect((await t.runtime.deps.db.selectFrom('case_record').select('id').execute()).length).toBe(before);
  });
});
