import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../test/harness.js';

const INJECTIONS = [
  "Robert'); DROP TABLE app_user;--",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  '${jndi:ldap://example.invalid/a}',
];

describe.each(DIALECTS)('bad input gets a clear problem and changes nothing, on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  const counts = async () => ({
    users: (await t.runtime.deps.db.selectFrom('app_user').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    keys: (await t.runtime.deps.db.selectFrom('api_key').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
  });
  const raw = (body: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType }, payload: body });

  beforeAll(async () => {
    t = await startTestApp(dialect, { CENTINELA_BODY_LIMIT_BYTES: '4096' });
    admin = await t.admin();
  });
  afterAll(() => t.close());

  it('malformed JSON → 400 request.malformed_json', async () => {
    const before = await counts();
    const res = await raw('{"email": "a@example.org", ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('request.malformed_json');
    expect(await counts()).toEqual(before);
  });

  it('oversized body → 413 request.too_large', async () => {
    const res = await raw(JSON.stringify({ email: 'a@example.org', displayName: 'x'.repeat(10_000), roles: ['analyst'] }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.too_large');
  });

  it('wrong content type → 415', async () => {
    const res = await raw('email=a@example.org', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('request.unsupported_media_type');
  });

  it('unknown fields and wrong types → 400 validation.failed naming the field', async () => {
    const before = await counts();
    const unknown = await t.as(admin, 'POST', '/api/v1/users', { email: 'u@example.org', displayName: 'U', roles: ['analyst'], isSuperuser: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('validation.failed');
    const wrongType = await t.as(admin, 'POST', '/api/v1/users', { email: 'u@example.org', displayName: 42, roles: 'analyst' });
    expect(wrongType.statusCode).toBe(400);
    expect(JSON.stringify(wrongType.json().errors)).toContain('displayName');
    const badRole = await t.as(admin, 'POST', '/api/v1/users', { email: 'u@example.org', displayName: 'U', roles: ['superuser'] });
    expect(badRole.statusCode).toBe(400);
    const badId = await t.as(admin, 'PATCH', '/api/v1/users/not-a-uuid', { disabled: true });
    expect(badId.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('stores injection attempts in text fields as inert text and returns them verbatim as JSON', async () => {
    for (const [i, text] of INJECTIONS.entries()) {
      const res = await t.as(admin, 'POST', '/api/v1/users', { email: `inj${i}@example.org`, displayName: text, roles: ['analyst'] });
      expect(res.statusCode, text).toBe(201);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json().user.displayName).toBe(text);
    }
    // The table is still there and still answers.
    expect((await t.as(admin, 'GET', '/api/v1/users')).statusCode).toBe(200);
  });

  it('injection attempts in the e-mail are refused as invalid addresses', async () => {
    const before = await counts();
    for (const text of INJECTIONS) {
      const res = await t.as(admin, 'POST', '/api/v1/users', { email: text, displayName: 'x', roles: ['analyst'] });
      expect(res.statusCode).toBe(400);
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: "admin@example.org' --", password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('control characters in names are refused', async () => {
    const res = await t.as(admin, 'POST', '/api/v1/users', { email: 'ctl@example.org', displayName: 'bad\u0000name', roles: ['analyst'] });
    expect(res.statusCode).toBe(400);
  });

  it('unknown API paths get a problem+json 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it('refused state-changing requests are themselves audited', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/users', payload: {} });
    const last = await t.runtime.deps.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'http.rejected', outcome: 'denied', actor_type: 'public' });
    expect(JSON.parse(last.details)).toMatchObject({ method: 'POST', route: '/api/v1/users', status: 401 });
  });
});
