import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('partner API keys on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const whoami = (authorization: string) => t.app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { authorization } });

  it('shows the secret once, stores only a keyed hash, and authenticates with it', async () => {
    const admin = await t.admin();
    const created = await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'Plataforma Ejemplo', scopes: ['items:write'] });
    expect(created.statusCode).toBe(201);
    const { secret, apiKey } = created.json() as { secret: string; apiKey: { id: string; prefix: string } };
    expect(secret).toMatch(/^ctn_/);
    const list = await t.as(admin, 'GET', '/api/v1/api-keys');
    expect(list.body).not.toContain(secret.split('_').at(-1));
    const row = await t.runtime.deps.db.selectFrom('api_key').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret.slice(15));
    const me = await whoami(`Bearer ${secret}`);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ kind: 'apiKey', id: apiKey.id, scopes: ['items:write'] });
  });

  it('refuses forged, malformed and revoked keys with 401 auth.invalid_api_key', async () => {
    const admin = await t.admin();
    const { secret, apiKey } = (await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'Revocable', scopes: ['reports:write'] })).json() as {
      secret: string;
      apiKey: { id: string };
    };
    const forged = secret.slice(0, -4) + (secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const bad of [`Bearer ${forged}`, 'Bearer not-a-key', 'Basic dXNlcjpwYXNz', 'Bearer ']) {
      const res = await whoami(bad);
      expect(res.statusCode, bad).toBe(401);
      expect(res.json().code).toBe('auth.invalid_api_key');
    }
    expect((await t.as(admin, 'POST', `/api/v1/api-keys/${apiKey.id}/revoke`)).json().apiKey.revokedAt).toBeTruthy();
    expect((await whoami(`Bearer ${secret}`)).statusCode).toBe(401);
  });

  it('refuses unknown scopes and empty names without creating anything', async () => {
    const admin = await t.admin();
    const before = (await t.as(admin, 'GET', '/api/v1/api-keys')).json().apiKeys.length;
    expect((await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'x', scopes: ['everything'] })).statusCode).toBe(400);
    expect((await t.as(admin, 'POST', '/api/v1/api-keys', { name: '  ', scopes: ['items:write'] })).statusCode).toBe(400);
    expect((await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'x', scopes: [] })).statusCode).toBe(400);
    expect((await t.as(admin, 'GET', '/api/v1/api-keys')).json().apiKeys.length).toBe(before);
  });
});
