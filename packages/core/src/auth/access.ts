import { ROLES, type Role } from './roles.js';

/** Scopes a partner API key can hold. */
export const API_KEY_SCOPES = ['items:write', 'reports:write', 'media:match'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * Who may call a route, declared where the route is registered.
 * `public` routes are few and listed explicitly; everything else needs a user role or an API key scope.
 */
export type Access =
  | { public: true; reason: string }
  | { roles: readonly Role[]; apiKeyScopes?: readonly ApiKeyScope[] }
  | { anyUser: true };

export type Principal =
  | { kind: 'user'; userId: string; roles: readonly Role[] }
  | { kind: 'apiKey'; apiKeyId: string; scopes: readonly ApiKeyScope[] };

export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403; code: 'auth.unauthenticated' | 'auth.forbidden' };

export function decideAccess(access: Access, principal: Principal | null): AccessDecision {
  if ('public' in access) return { allowed: true };
  if (!principal) return { allowed: false, status: 401, code: 'auth.unauthenticated' };
  if (principal.kind === 'apiKey') {
    const scopes = 'roles' in access ? (access.apiKeyScopes ?? []) : [];
    return scopes.some((s) => principal.scopes.includes(s)) ? { allowed: true } : { allowed: false, status: 403, code: 'auth.forbidden' };
  }
  if ('anyUser' in access) return { allowed: true };
  return access.roles.some((r) => principal.roles.includes(r)) ? { allowed: true } : { allowed: false, status: 403, code: 'auth.forbidden' };
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
