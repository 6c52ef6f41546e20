import { ROLES, type Role } from '@centinela/core';
import type { RegisteredRoute } from './context.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../test/harness.js';

/** The only routes anyone may call without signing in. Adding one here is a deliberate decision. */
const PUBLIC_ROUTES = ['GET /healthz', 'GET /api/openapi.json', 'POST /api/v1/auth/login'];


/** A concrete URL for a route pattern: parameters get a well-formed UUID. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

describe.each(DIALECTS)('every route declares and enforces who may call it, on %s', (dialect) => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  const sessions = new Map<Role, Session>();
  let apiKey: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    // What is registered is what is checked: the list comes from the running app.
    routes = t.app.routeTable.filter(
      (r) => r.method !== 'HEAD' && (r.url.startsWith('/api/v1/') || r.url === '/healthz' || r.url === '/api/openapi.json'),
    );
    for (const role of ROLES) sessions.set(role, (await t.userWithRoles([role])).session);
    const admin = await t.admin();
    apiKey = (await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'all scopes', scopes: ['items:write', 'reports:write', 'media:match'] })).json().secret;
  });
  afterAll(() => t.close());

  it('lists exactly the expected public routes', () => {
    const pub = routes.filter((r) => 'public' in r.access).map((r) => `${r.method} ${r.url}`);
    expect(pub.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('refuses anonymous callers on every other route with 401 problem+json', async () => {
    const protectedRoutes = routes.filter((r) => !('public' in r.access));
    expect(protectedRoutes.length).toBeGreaterThan(10);
    for (const r of protectedRoutes) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses every role a route does not name with 403, before looking at the body', async () => {
    let checked = 0;
    for (const r of routes) {
      if (!('roles' in r.access)) continue;
      for (const role of ROLES) {
        if (r.access.roles.includes(role)) continue;
        const res = await t.as(sessions.get(role)!, r.method as 'GET', concrete(r.url), r.method === 'GET' ? undefined : {});
        expect(res.statusCode, `${role} → ${r.method} ${r.url}`).toBe(403);
        expect(res.json().code).toBe('auth.forbidden');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('refuses API keys on every route that declares no API-key scope', async () => {
    for (const r of routes) {
      if ('public' in r.access) continue;
      const allowsKeys = 'roles' in r.access && (r.access.apiKeyScopes?.length ?? 0) > 0;
      if (allowsKeys) continue;
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        headers: { authorization: `Bearer ${apiKey}` },
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });
});
