import { describe, expect, it } from 'vitest';
import { decideAccess, type Principal } from './access.js';

const analyst: Principal = { kind: 'user', userId: 'u', roles: ['analyst'] };
const partner: Principal = { kind: 'apiKey', apiKeyId: 'k', scopes: ['items:write'] };

describe('decideAccess', () => {
  it('lets anyone call a public route', () => {
    expect(decideAccess({ public: true, reason: 'health' }, null)).toEqual({ allowed: true });
  });
  it('refuses anonymous callers with 401 and wrong roles with 403', () => {
    expect(decideAccess({ roles: ['admin'] }, null)).toMatchObject({ allowed: false, status: 401 });
    expect(decideAccess({ roles: ['admin'] }, analyst)).toMatchObject({ allowed: false, status: 403 });
    expect(decideAccess({ roles: ['admin', 'analyst'] }, analyst)).toEqual({ allowed: true });
  });
  it('lets API keys in only through a declared scope, never through user-only routes', () => {
    expect(decideAccess({ roles: ['analyst'], apiKeyScopes: ['items:write'] }, partner)).toEqual({ allowed: true });
    expect(decideAccess({ roles: ['analyst'], apiKeyScopes: ['reports:write'] }, partner)).toMatchObject({ status: 403 });
    expect(decideAccess({ roles: ['admin'] }, partner)).toMatchObject({ status: 403 });
    expect(decideAccess({ anyUser: true }, partner)).toMatchObject({ status: 403 });
  });
});
