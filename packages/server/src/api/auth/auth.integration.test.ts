import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../auth/totp.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, DIALECTS, startTestApp, USER_PASSWORD, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('sign-in, sessions and CSRF on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { CENTINELA_LOGIN_MAX_FAILURES: '3', CENTINELA_LOGIN_LOCK_MINUTES: '10', CENTINELA_LOGIN_RATE_PER_MINUTE: '1000' });
  });
  afterAll(() => t.close());

  it('signs in with a httpOnly, SameSite=Strict cookie and a CSRF token, and tells who is signed in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'centinela_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const session = await t.admin();
    const me = await t.as(session, 'GET', '/api/v1/auth/session');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: ADMIN_EMAIL, roles: ['admin'] }, csrfToken: session.csrf });
  });

  it('refuses a wrong password with a stable code and never says which part was wrong', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL, password: 'not the password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.org', password: 'whatever it is' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    expect(unknown.json().code).toBe('auth.invalid_credentials');
    // Clear the failure count for the next tests.
    await t.admin();
  });

  it('locks an account after repeated failures, even for the right password, until the lock expires', async () => {
    const { email } = await t.userWithRoles(['analyst']);
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    expect((await attempt('wrong password 1')).statusCode).toBe(401);
    expect((await attempt('wrong password 2')).statusCode).toBe(401);
    const third = await attempt('wrong password 3');
    expect(third.statusCode).toBe(423);
    expect(third.json().code).toBe('auth.locked');
    const rightButLocked = await attempt(USER_PASSWORD);
    expect(rightButLocked.statusCode).toBe(423);
    t.clock.advance(11 * 60_000);
    expect((await attempt(USER_PASSWORD)).statusCode).toBe(200);
  });

  it('requires the CSRF header for state-changing requests made with the cookie, and changes nothing without it', async () => {
    const session = await t.admin();
    const before = (await t.as(session, 'GET', '/api/v1/users')).json().users.length;
    const payload = { email: 'csrf-victim@example.org', displayName: 'CSRF', roles: ['analyst'] };
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: session.cookie }, payload });
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: session.cookie, 'x-csrf-token': 'f'.repeat(64) }, payload });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('auth.csrf');
    expect(forged.json().code).toBe('auth.csrf');
    expect((await t.as(session, 'GET', '/api/v1/users')).json().users.length).toBe(before);
  });

  it('ends the session on sign-out; the old cookie no longer works', async () => {
    const session = await t.admin();
    expect((await t.as(session, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await t.as(session, 'GET', '/api/v1/auth/session');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.unauthenticated');
  });

  it('refuses forged and expired session cookies', async () => {
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: 'centinela_session=forged-token-value' } });
    expect(forged.statusCode).toBe(401);
    const session = await t.admin();
    t.clock.advance(13 * 3_600_000); // sessions last 12 hours by default
    expect((await t.as(session, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('disabling a user ends their sessions and stops sign-in', async () => {
    const admin = await t.admin();
    const { email, session } = await t.userWithRoles(['caseworker']);
    const users = (await t.as(admin, 'GET', '/api/v1/users')).json().users as Array<{ id: string; email: string }>;
    const id = users.find((u) => u.email === email)!.id;
    expect((await t.as(admin, 'PATCH', `/api/v1/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await t.as(session, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: USER_PASSWORD } });
    expect(again.json().code).toBe('auth.invalid_credentials');
  });

  it('sets up TOTP, then demands and checks the code at sign-in', async () => {
    const { email, session } = await t.userWithRoles(['investigator']);
    const setup = await t.as(session, 'POST', '/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json() as { secret: string; otpauthUrl: string };
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Centinela:/);
    expect((await t.as(session, 'POST', '/api/v1/auth/totp/enable', { code: '000000' })).json().code).toBe('auth.totp_invalid');
    const enabled = await t.as(session, 'POST', '/api/v1/auth/totp/enable', { code: totpCodeAt(secret, t.clock.now()) });
    expect(enabled.json().user.totpEnabled).toBe(true);

    const noCode = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: USER_PASSWORD } });
    expect(noCode.json().code).toBe('auth.totp_required');
    const badCode = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: USER_PASSWORD, totpCode: '123456' } });
    expect(badCode.json().code).toBe('auth.totp_invalid');
    t.clock.advance(30_000); // the enabling code's step is spent; sign in with the next one
    const code = totpCodeAt(secret, t.clock.now());
    const good = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: USER_PASSWORD, totpCode: code } });
    expect(good.statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: USER_PASSWORD, totpCode: code } });
    expect(replay.json().code).toBe('auth.totp_invalid');
  });

  it('lets users change their own password: the old one stops working and other sessions end', async () => {
    const { email, session } = await t.userWithRoles(['analyst']);
    const other = await t.login(email, USER_PASSWORD);
    const wrong = await t.as(session, 'POST', '/api/v1/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new long password' });
    expect(wrong.json().code).toBe('auth.current_password_invalid');
    const short = await t.as(session, 'POST', '/api/v1/auth/password', { currentPassword: USER_PASSWORD, newPassword: 'short' });
    expect(short.json().code).toBe('validation.failed');
    const ok = await t.as(session, 'POST', '/api/v1/auth/password', { currentPassword: USER_PASSWORD, newPassword: 'a brand new long password' });
    expect(ok.statusCode).toBe(204);
    expect((await t.as(session, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await t.as(other, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: USER_PASSWORD } });
    expect(old.statusCode).toBe(401);
    await t.login(email, 'a brand new long password');
  });

  it('lets an admin reset a password: shown once, the lock-out lifted, the user signed out', async () => {
    const admin = await t.admin();
    const { email, session } = await t.userWithRoles(['caseworker']);
    const res = await t.as(admin, 'POST', `/api/v1/users/${session.userId}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { generatedPassword } = res.json() as { generatedPassword: string };
    expect(generatedPassword).toHaveLength(20);
    expect((await t.as(session, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    await t.login(email, generatedPassword);
    const self = await t.as(admin, 'POST', `/api/v1/users/${admin.userId}/reset-password`);
    expect(self.json().code).toBe('user.reset_self');
  });

  it('stores the TOTP secret encrypted, never in clear', async () => {
    const { session } = await t.userWithRoles(['analyst']);
    const { secret } = (await t.as(session, 'POST', '/api/v1/auth/totp/setup')).json() as { secret: string };
    const row = await t.runtime.deps.db.selectFrom('app_user').select('totp_secret').where('id', '=', session.userId).executeTakeFirstOrThrow();
    expect(row.totp_secret).toBeTruthy();
    expect(row.totp_secret).not.toContain(secret);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { CENTINELA_LOGIN_RATE_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address exceeds the rate, then recovers', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@example.org', password: 'wrong password' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(61_000);
    expect((await attempt()).statusCode).toBe(401);
  });
});
