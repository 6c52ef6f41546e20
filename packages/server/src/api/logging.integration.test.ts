import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../test/harness.js';
import { buildApp, loggerOptions } from './app.js';
import type { ApiApp } from './context.js';

describe('structured logs', () => {
  let t: TestApp;
  let app: ApiApp;
  let lines: string[];

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    lines = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const options = loggerOptions('trace') as object;
    app = await buildApp(t.ctx, { logger: { ...options, stream } as never });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('record requests as JSON without passwords, cookies, tokens, e-mails or query strings', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    const token = login.cookies.find((c) => c.name === 'centinela_session')!.value;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    await app.inject({
      method: 'GET',
      url: `/api/v1/audit?purpose=${encodeURIComponent('caso de María Ejemplo')}`,
      headers: { cookie: `centinela_session=${token}`, 'x-csrf-token': csrf },
    });
    await app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { authorization: 'Bearer ctn_secretprefix_secretsecretsecretsecretsecretsecretsecret1' } });
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(text).toContain('/api/v1/auth/login');
    for (const secret of [ADMIN_PASSWORD, ADMIN_EMAIL, token, csrf, 'María', 'secretsecret']) expect(text).not.toContain(secret);
  });
});
