import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reencryptAll, startKeyRotation, keyStatus } from '../../services/cases/keyRotation.js';
import { purgeExpiredCases } from '../../services/cases/retention.js';
import { cliActor, systemActor } from '../../services/deps.js';
import { caseRecord, INFORMED, PLANTED_DOCUMENT, PLANTED_NAME } from '../../test/cases.js';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('victim cases on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let cwA: Session;
  let cwB: Session;
  let supA: Session;
  let partner: Session;
  let statistician: Session;
  let orgId: string;
  let otherOrgId: string;
  let caseId: string;

  const auditRows = (action: string) => t.runtime.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.admin();
    cwA = (await t.userWithRoles(['caseworker'])).session;
    cwB = (await t.userWithRoles(['caseworker'])).session;
    supA = (await t.userWithRoles(['supervisor'])).session;
    partner = (await t.userWithRoles(['partner'])).session;
    statistician = (await t.userWithRoles(['statistician'])).session;
    const teamA = (await t.as(admin, 'POST', '/api/v1/teams', { name: 'Equipo Norte' })).json().team.id;
    const teamB = (await t.as(admin, 'POST', '/api/v1/teams', { name: 'Equipo Sur' })).json().team.id;
    for (const [team, s] of [[teamA, cwA], [teamA, supA], [teamB, cwB]] as const) {
      expect((await t.as(admin, 'POST', `/api/v1/teams/${team}/members`, { userId: s.userId })).statusCode).toBe(204);
    }
    const org = await t.as(admin, 'POST', '/api/v1/organisations', { name: 'Refugio Ejemplo', country: 'CO', services: ['shelter', 'psychosocial'], eligibility: { sexes: ['Feminine'], minAge: 18 } });
    expect(org.statusCode).toBe(201);
    orgId = org.json().organisation.id;
    otherOrgId = (await t.as(admin, 'POST', '/api/v1/organisations', { name: 'Asesoría Legal Inventada', services: ['legal_aid'] })).json().organisation.id;
    expect((await t.as(admin, 'POST', `/api/v1/organisations/${orgId}/members`, { userId: partner.userId })).statusCode).toBe(204);
  });
  afterAll(() => t.close());

  it('registers a case with identifying fields sealed one by one, and reads it back whole', async () => {
    const res = await t.as(cwA, 'POST', '/api/v1/cases', { record: caseRecord() });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json().case;
    caseId = created.id;
    expect(created.version).toBe(1);
    const sealed = await t.runtime.deps.db.selectFrom('sealed_field').selectAll().where('record_id', '=', caseId).execute();
    expect(sealed.map((s) => s.field).sort()).toEqual(
      ['comments[0].text', 'events[0].description', 'events[1].street', 'person.birthdate', 'person.firstName', 'person.identityNumber', 'person.mailingStreet', 'person.mobilePhone', 'person.secondName'].sort(),
    );
    expect(sealed.every((s) => s.key_id === 'case-field:v1')).toBe(true);
    const row = await t.runtime.deps.db.selectFrom('case_record').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.clear_data).not.toContain('Zenobia');
    expect(row.age_band).toBe('24-26');
    const read = await t.as(cwA, 'GET', `/api/v1/cases/${caseId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().case.record.person).toMatchObject({ firstName: 'Zenobia', secondName: 'Quillfeather', identityNumber: PLANTED_DOCUMENT, citizenship: ['VE'] });
    expect(read.json().case.record.events[1]).toMatchObject({ type: 'Exploitation', country: 'CO', street: 'Carrera Falsa 45' });
  });

  it('a sealed box moved to another field or record does not open', async () => {
    const first = await t.runtime.deps.db.selectFrom('sealed_field').selectAll().where('record_id', '=', caseId).where('field', '=', 'person.firstName').executeTakeFirstOrThrow();
    const second = await t.runtime.deps.db.selectFrom('sealed_field').selectAll().where('record_id', '=', caseId).where('field', '=', 'person.secondName').executeTakeFirstOrThrow();
    await t.runtime.deps.db.updateTable('sealed_field').set({ box: first.box }).where('record_id', '=', caseId).where('field', '=', 'person.secondName').execute();
    const res = await t.as(cwA, 'GET', `/api/v1/cases/${caseId}`);
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('crypto.field_unreadable');
    await t.runtime.deps.db.updateTable('sealed_field').set({ box: second.box }).where('record_id', '=', caseId).where('field', '=', 'person.secondName').execute();
  });

  it('refuses unknown picklist values and impossible dates, naming the field and the allowed values, and stores nothing', async () => {
    const before = await t.runtime.deps.db.selectFrom('case_record').select('id').execute();
    const bad = caseRecord();
    (bad.person as Record<string, unknown>).gender = 'Robot';
    (bad.case as Record<string, unknown>).registeredOn = '2026-02-30';
    const res = await t.as(cwA, 'POST', '/api/v1/cases', { record: bad });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('case.invalid');
    const gender = body.issues.find((i: { field: string }) => i.field === 'person.gender');
    expect(gender.allowed).toContain('Feminine');
    expect(body.issues.some((i: { field: string }) => i.field === 'case.registeredOn')).toBe(true);
    expect(await t.runtime.deps.db.selectFrom('case_record').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a stale write with a conflict instead of letting the last writer win', async () => {
    const first = await t.as(cwA, 'PUT', `/api/v1/cases/${caseId}`, { baseVersion: 1, record: { ...caseRecord(), case: { status: 'FollowUp', registeredOn: '2026-03-14' } } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().case.version).toBe(2);
    const stale = await t.as(supA, 'PUT', `/api/v1/cases/${caseId}`, { baseVersion: 1, record: caseRecord({ firstName: 'Otra' }) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'case.conflict', expectedVersion: 2, baseVersion: 1 });
    expect((await t.as(cwA, 'GET', `/api/v1/cases/${caseId}`)).json().case.record.person.firstName).toBe('Zenobia');
  });

  it('follows the case status machine: a closed case is reopened, not edited into another state', async () => {
    const other = (await t.as(cwA, 'POST', '/api/v1/cases', { record: caseRecord() })).json().case.id;
    const closed = await t.as(cwA, 'PUT', `/api/v1/cases/${other}`, { baseVersion: 1, record: caseRecord({ status: 'Closed', reasonForCaseClosure: 'Servicios completados' }) });
    expect(closed.statusCode, closed.body).toBe(200);
    const followUp = await t.as(cwA, 'PUT', `/api/v1/cases/${other}`, { baseVersion: 2, record: caseRecord({ status: 'FollowUp' }) });
    expect(followUp.statusCode).toBe(409);
    expect(followUp.json()).toMatchObject({ code: 'case.invalid_transition', from: 'Closed', to: 'FollowUp', allowed: ['case.reopened'] });
    expect((await t.as(cwA, 'PUT', `/api/v1/cases/${other}`, { baseVersion: 2, record: caseRecord({ status: 'Active' }) })).statusCode).toBe(200);
    expect((await t.as(cwA, 'DELETE', `/api/v1/cases/${other}`, { reason: 'entered_in_error' })).statusCode).toBe(204);
  });

  it('lets the owner and the team supervisor read the case, and nobody else through any endpoint', async () => {
    expect((await t.as(supA, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    const others = [
      ['GET', `/api/v1/cases/${caseId}`],
      ['GET', `/api/v1/cases/${caseId}/consent`],
      ['GET', `/api/v1/cases/${caseId}/referrals`],
      ['GET', `/api/v1/cases/${caseId}/links`],
      ['GET', `/api/v1/cases/${caseId}/tasks`],
      ['GET', `/api/v1/cases/${caseId}/access-log`],
      ['GET', `/api/v1/cases/${caseId}/person-data`],
    ] as const;
    for (const [method, url] of others) {
      const res = await t.as(cwB, method, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('case.not_found');
      expect(res.body).not.toContain('Zenobia');
    }
    expect((await t.as(cwB, 'PUT', `/api/v1/cases/${caseId}`, { baseVersion: 2, record: caseRecord() })).statusCode).toBe(404);
    expect((await t.as(cwB, 'POST', `/api/v1/cases/${caseId}/consent`, { type: 'consent.given', baseVersion: 0, purposes: ['data_processing'], givenBy: 'person', informed: INFORMED })).statusCode).toBe(404);
    expect((await t.as(cwB, 'GET', '/api/v1/cases')).json().cases).toEqual([]);
    expect((await t.as(cwB, 'GET', '/api/v1/tasks')).json().tasks).toEqual([]);
    // The administrator manages users and the directory, but does not read case content.
    expect((await t.as(admin, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(403);
    expect((await t.as(admin, 'GET', '/api/v1/cases')).statusCode).toBe(403);
    expect((await t.as(statistician, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(403);
    expect((await t.as(partner, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(403);
  });

  it('shares a case with another caseworker, hides names in lists unless asked, and logs every read for the owner', async () => {
    expect((await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/shares`, { userId: cwB.userId })).statusCode).toBe(204);
    const list = (await t.as(cwB, 'GET', '/api/v1/cases')).json().cases;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: caseId, gender: 'Feminine', exploitation: ['SexualExploitation'], ageBand: '24-26' });
    expect(list[0].name).toBeUndefined();
    const named = (await t.as(cwB, 'GET', '/api/v1/cases?names=true')).json().cases;
    expect(named[0].name).toBe('Zenobia Quillfeather');
    await t.as(cwB, 'GET', `/api/v1/cases/${caseId}`);
    // Only the owner (or the team's supervisor) sees the access log.
    expect((await t.as(cwB, 'GET', `/api/v1/cases/${caseId}/access-log`)).statusCode).toBe(403);
    const log = (await t.as(cwA, 'GET', `/api/v1/cases/${caseId}/access-log`)).json().entries as Array<{ userId: string; action: string }>;
    expect(log.filter((e) => e.userId === cwB.userId).map((e) => e.action)).toEqual(expect.arrayContaining(['read', 'list_names']));
    expect(log.some((e) => e.userId === supA.userId && e.action === 'read')).toBe(true);
    const reads = await auditRows('case.read');
    expect(reads.length).toBeGreaterThan(3);
    expect(JSON.stringify(reads)).not.toContain('Zenobia');
  });

  it('refuses a referral without consent, allows it once consent is recorded, and audits an emergency override', async () => {
    const referral = { toOrganisationId: orgId, kind: 'referral', purpose: 'support_services', reason: 'AdditionalServicesRequired', sharedFields: ['person.firstName', 'person.gender', 'victim.typeOfExploitation', 'events[].country'] };
    const refused = await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/referrals`, referral);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'referral.consent_required', missing: ['data_processing', 'referral_services'] });
    expect(await t.runtime.deps.db.selectFrom('case_referral').select('id').execute()).toHaveLength(0);

    // A caseworker has no override permission; a supervisor does, with a justification, and it is audited.
    const justification = 'Riesgo inminente para su vida: necesita refugio esta noche';
    const notAllowed = await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/referrals`, { ...referral, override: { justification } });
    expect(notAllowed.statusCode).toBe(403);
    expect(notAllowed.json().code).toBe('referral.override_not_permitted');
    const tooShort = await t.as(supA, 'POST', `/api/v1/cases/${caseId}/referrals`, { ...referral, override: { justification: 'urgente' } });
    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.json().code).toBe('referral.override_needs_justification');
    const overridden = await t.as(supA, 'POST', `/api/v1/cases/${caseId}/referrals`, { ...referral, toOrganisationId: otherOrgId, override: { justification } });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json().referral).toMatchObject({ basis: 'emergency_override', status: 'in_progress' });
    const [audit] = await auditRows('referral.consent_override');
    expect(audit).toMatchObject({ actor_id: supA.userId, target_id: overridden.json().referral.id });
    // The justification may name the person: the audit entry holds its hash, the text is sealed with the referral.
    expect(JSON.parse(audit!.details)).toMatchObject({
      missingConsent: ['data_processing:none', 'referral_services:none'],
      justificationSha256: createHash('sha256').update(justification).digest('hex'),
    });
    expect(JSON.stringify(await t.runtime.deps.db.selectFrom('audit_log').selectAll().execute())).not.toContain('refugio esta noche');
    const events = await t.runtime.deps.db.selectFrom('case_event').select('body').where('case_id', '=', caseId).execute();
    expect(JSON.stringify(events)).not.toContain('refugio esta noche');

    const consent = await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/consent`, { type: 'consent.given', baseVersion: 0, purposes: ['data_processing', 'referral_services'], givenBy: 'person', informed: INFORMED });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json().consent.status).toMatchObject({ data_processing: 'given', referral_services: 'given', research: 'none' });
    // Consent that the person was not informed about is not consent; a stale consent version is a conflict.
    const uninformed = await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/consent`, { type: 'consent.given', baseVersion: 1, purposes: ['research'], givenBy: 'person', informed: { ...INFORMED, informedOfRetention: false } });
    expect(uninformed.statusCode).toBe(422);
    expect(uninformed.json().code).toBe('consent.invalid');
    const stale = await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/consent`, { type: 'consent.withdrawn', baseVersion: 0, purposes: ['data_processing'] });
    expect(stale.json().code).toBe('case.conflict');

    const allowed = await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/referrals`, referral);
    expect(allowed.statusCode, allowed.body).toBe(201);
    expect(allowed.json().referral).toMatchObject({ basis: 'consent', status: 'in_progress', sharedFields: referral.sharedFields });
  });

  it('shows the receiving organisation only what the referral shares, and lets only it accept', async () => {
    const inbox = await t.as(partner, 'GET', '/api/v1/referrals/inbox');
    expect(inbox.statusCode).toBe(200);
    const referrals = inbox.json().referrals;
    expect(referrals).toHaveLength(1);
    expect(referrals[0].shared).toEqual({
      person: { firstName: 'Zenobia', gender: 'Feminine' },
      victim: { typeOfExploitation: ['SexualExploitation'] },
      events: [{ country: 'VE' }, { country: 'CO' }],
    });
    expect(inbox.body).not.toContain('Quillfeather');
    expect(inbox.body).not.toContain(PLANTED_DOCUMENT);
    const id = referrals[0].id;
    const wrongSide = await t.as(cwA, 'POST', `/api/v1/referrals/${id}/status`, { to: 'accepted', baseVersion: 1 });
    expect(wrongSide.json().code).toBe('referral.wrong_side');
    const outsider = await t.as(cwB, 'POST', `/api/v1/referrals/${id}/status`, { to: 'revoked', reason: 'x', baseVersion: 1 });
    expect(outsider.statusCode).toBe(200); // cwB has the case shared, so is on the sending side
    expect(outsider.json().referral.status).toBe('revoked');
    const afterRevoke = await t.as(partner, 'POST', `/api/v1/referrals/${id}/status`, { to: 'accepted', baseVersion: 2 });
    expect(afterRevoke.statusCode).toBe(409);
    expect(afterRevoke.json()).toMatchObject({ code: 'referral.invalid_transition', from: 'revoked' });
    const log = (await t.as(cwA, 'GET', `/api/v1/cases/${caseId}/access-log`)).json().entries as Array<{ userId: string; action: string }>;
    expect(log.some((e) => e.userId === partner.userId && e.action === 'referral_read')).toBe(true);
  });

  it('links a case to existing items, networks and hotline reports only, and shows the link only to those who may read the case', async () => {
    const missing = await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/links`, { type: 'item', id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('case.link_target_not_found');
    const analyst = (await t.userWithRoles(['analyst'])).session;
    const item = (await t.as(analyst, 'POST', '/api/v1/items', { items: [{ url: 'https://anuncios.ejemplo.test/1', text: 'Se busca personal, viaje pagado' }] })).json().items[0].id;
    expect((await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/links`, { type: 'item', id: item })).statusCode).toBe(201);
    expect((await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/links`, { type: 'report', id: 'R-2026-17' })).statusCode).toBe(422);
    expect((await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/links`, { type: 'network', id: item })).statusCode).toBe(422);
    const key = (await t.as(await t.admin(), 'POST', '/api/v1/api-keys', { name: 'Plataforma Ejemplo', scopes: ['reports:write'] })).json().secret as string;
    const report = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { authorization: `Bearer ${key}` }, payload: { url: 'https://anuncios.ejemplo.test/1' } });
    expect(report.statusCode, report.body).toBe(201);
    expect((await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/links`, { type: 'report', id: report.json().subjectId })).statusCode).toBe(201);
    expect((await t.as(cwA, 'GET', `/api/v1/cases/${caseId}/links`)).json().links.map((l: { type: string }) => l.type).sort()).toEqual(['item', 'report']);
    expect((await t.as(supA, 'GET', `/api/v1/case-links?type=item&id=${item}`)).json().caseIds).toEqual([caseId]);
    const stranger = (await t.userWithRoles(['caseworker'])).session;
    expect((await t.as(stranger, 'GET', `/api/v1/case-links?type=item&id=${item}`)).json().caseIds).toEqual([]);
  });

  it('keeps tasks with due dates, sealed, and flags the overdue ones', async () => {
    const task = await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/tasks`, { title: `Llamar a ${PLANTED_NAME} por su cita médica`, dueOn: '2026-11-20' });
    expect(task.statusCode, task.body).toBe(201);
    expect((await t.as(cwA, 'POST', `/api/v1/cases/${caseId}/tasks`, { title: 'x', dueOn: '2026-13-01' })).json().code).toBe('task.invalid_due_date');
    const mine = (await t.as(cwA, 'GET', '/api/v1/tasks')).json().tasks;
    expect(mine[0]).toMatchObject({ caseId, overdue: true, status: 'open', title: `Llamar a ${PLANTED_NAME} por su cita médica` });
    expect((await t.as(cwA, 'POST', `/api/v1/tasks/${mine[0].id}/done`)).statusCode).toBe(204);
    expect((await t.as(cwA, 'GET', '/api/v1/tasks')).json().tasks).toEqual([]);
  });

  it('rotates the field key without downtime: reads work before, during and after re-encryption', async () => {
    const before = await keyStatus(t.runtime.deps);
    expect(before).toMatchObject({ activeVersion: 1, pending: 0 });
    const during = await startKeyRotation(t.runtime.deps, cliActor);
    expect(during.activeVersion).toBe(2);
    expect(during.pending).toBeGreaterThan(5);
    expect((await t.as(cwA, 'GET', `/api/v1/cases/${caseId}`)).json().case.record.person.firstName).toBe('Zenobia');
    // A case written during the rotation is sealed under the new key at once.
    const fresh = (await t.as(cwA, 'POST', '/api/v1/cases', { record: caseRecord({ firstName: 'Ofelia', secondName: 'Brumaverde' }) })).json().case.id;
    const freshKeys = await t.runtime.deps.db.selectFrom('sealed_field').select('key_id').where('record_id', '=', fresh).execute();
    expect(new Set(freshKeys.map((k) => k.key_id))).toEqual(new Set(['case-field:v2']));
    // A second rotation waits for the first to finish.
    await expect(startKeyRotation(t.runtime.deps, cliActor)).rejects.toMatchObject({ code: 'keys.rotation_in_progress' });
    // Resumable: one small batch, then the rest.
    await reencryptAll(t.runtime.deps, () => {}, 3).then(() => undefined);
    const after = await keyStatus(t.runtime.deps);
    expect(after).toMatchObject({ activeVersion: 2, pending: 0, retiringVersions: [] });
    const keys = await t.runtime.deps.db.selectFrom('sealed_field').select('key_id').execute();
    expect(keys.every((k) => k.key_id === 'case-field:v2')).toBe(true);
    expect((await t.as(cwA, 'GET', `/api/v1/cases/${caseId}`)).json().case.record.person.identityNumber).toBe(PLANTED_DOCUMENT);
    expect((await t.as(cwA, 'GET', '/api/v1/tasks')).statusCode).toBe(200);
    expect((await auditRows('keys.rotate'))[0]).toMatchObject({ target_id: 'case-field:v2' });
  });

  it('never writes an identifying value in clear to the database file, the WAL or a dump', async () => {
    const needles = [PLANTED_NAME, 'Quillfeather', PLANTED_DOCUMENT, 'Calle Inventada', 'Carrera Falsa', 'Brumaverde', 'Oferta de trabajo falsa', 'refugio esta noche', 'por su cita médica'];
    if (dialect === 'sqlite') {
      const files = readdirSync(t.env.dataDir).filter((f) => /\.(db|sqlite)(-wal|-shm)?$|-wal$/.test(f) || f.includes('centinela'));
      expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
      for (const f of files) {
        const bytes = readFileSync(path.join(t.env.dataDir, f));
        for (const n of needles) {
          expect(bytes.includes(Buffer.from(n, 'utf8')), `${n} in ${f}`).toBe(false);
          expect(bytes.includes(Buffer.from(n, 'utf16le')), `${n} (UTF-16) in ${f}`).toBe(false);
        }
      }
    } else {
      const dump = execFileSync('pg_dump', ['--data-only', t.env.env.DATABASE_URL!], { maxBuffer: 64 << 20 }).toString('utf8');
      expect(dump).toContain('sealed_field');
      for (const n of needles) expect(dump.includes(n), n).toBe(false);
    }
  });

  it('exports a person’s data to the owner, and erases it on request', async () => {
    const exported = await t.as(cwA, 'GET', `/api/v1/cases/${caseId}/person-data`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['cache-control']).toBe('no-store');
    expect(exported.json().record.person.firstName).toBe('Zenobia');
    expect(exported.json().accessLog.length).toBeGreaterThan(3);
    const override = exported.json().events.find((e: { sealedText?: { justification?: string } }) => e.sealedText?.justification);
    expect(override.sealedText.justification).toContain('refugio esta noche');
    expect((await t.as(cwB, 'GET', `/api/v1/cases/${caseId}/person-data`)).statusCode).toBe(403); // shared, but not the owner
    expect((await t.as(cwB, 'DELETE', `/api/v1/cases/${caseId}`, { reason: 'erasure_request' })).statusCode).toBe(403);
    expect((await t.as(cwA, 'DELETE', `/api/v1/cases/${caseId}`, { reason: 'erasure_request' })).statusCode).toBe(204);
    expect((await t.as(cwA, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    for (const table of ['case_record', 'sealed_field', 'case_event', 'case_referral', 'case_link'] as const) {
      const col = table === 'case_record' ? 'id' : table === 'sealed_field' ? 'record_id' : 'case_id';
      expect(await t.runtime.deps.db.selectFrom(table).select(col as never).where(col as never, '=', caseId as never).execute(), table).toHaveLength(0);
    }
    expect((await auditRows('case.erase'))[0]).toMatchObject({ target_id: caseId, actor_id: cwA.userId });
    expect(await t.runtime.deps.db.selectFrom('sealed_field').select('record_id').where('record_id', 'like', `${caseId}%`).execute()).toHaveLength(0);
  });

  it('purges closed cases whose retention period has ended, and keeps open ones', async () => {
    const closed = (await t.as(cwA, 'POST', '/api/v1/cases', { record: caseRecord({ status: 'Closed', reasonForCaseClosure: 'Servicios completados' }) })).json().case.id;
    const open = (await t.as(cwA, 'POST', '/api/v1/cases', { record: caseRecord() })).json().case.id;
    expect(await purgeExpiredCases(t.runtime.deps, systemActor)).toBe(0);
    t.clock.advance((t.env.config.caseRetentionDays + 2) * 86_400_000);
    expect(await purgeExpiredCases(t.runtime.deps, systemActor)).toBe(1);
    expect(await t.runtime.deps.db.selectFrom('case_record').select('id').where('id', '=', closed).executeTakeFirst()).toBeUndefined();
    expect(await t.runtime.deps.db.selectFrom('sealed_field').select('field').where('record_id', '=', closed).execute()).toHaveLength(0);
    expect(await t.runtime.deps.db.selectFrom('case_record').select('id').where('id', '=', open).executeTakeFirst()).toBeDefined();
    t.clock.advance(-(t.env.config.caseRetentionDays + 2) * 86_400_000);
  });
});
