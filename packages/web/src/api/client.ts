// The one place that talks to the Centinela HTTP API (`/api/v1`). Every call uses the session cookie
// (`credentials: 'same-origin'`); every state-changing call carries the CSRF token from the session.

export const ROLES = ['admin', 'analyst', 'investigator', 'caseworker', 'statistician'] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_SCOPES = ['items:write', 'reports:write', 'media:match'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  totpEnabled: boolean;
  disabled: boolean;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** RFC 9457 problem details, as the server sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  [extension: string]: unknown;
}

/** A failed call. `code` is the server's stable code, or `network` / `server` when there is no problem body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly problem: Problem;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network' : status >= 500 ? 'server' : `http_${status}`);
    this.detail = problem.detail;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remember the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated call answers 401: the session ended (expired, revoked, signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Do not trigger the global "session ended" handler on 401 (sign-in, session probe). */
  quietAuth?: boolean;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers, cache: 'no-store' };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError(0, { code: 'network' });
  }

  if (res.status === 204) return undefined as T;

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!res.ok) {
    const problem: Problem = isObject(data) ? (data as Problem) : {};
    const retryAfter = Number(res.headers.get('retry-after'));
    const err = new ApiError(res.status, problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    if (res.status === 401 && !options.quietAuth && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  if (data === undefined) throw new ApiError(res.status, { code: 'server', detail: 'Unexpected response body' });
  return data as T;
}

// --- auth ---------------------------------------------------------------------------------------

export interface LoginInput {
  email: string;
  password: string;
  totpCode?: string;
}

/** The current session, or null when not signed in. */
export async function getSession(): Promise<Session | null> {
  try {
    const s = await request<Session>('GET', '/auth/session', { quietAuth: true });
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export async function login(input: LoginInput): Promise<Session> {
  const s = await request<Session>('POST', '/auth/login', { body: input, quietAuth: true });
  setCsrfToken(s.csrfToken);
  return s;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/auth/logout', { quietAuth: true });
  } finally {
    setCsrfToken(null);
  }
}

export function totpSetup(): Promise<{ secret: string; otpauthUrl: string }> {
  return request('POST', '/auth/totp/setup');
}

export async function totpEnable(code: string): Promise<User> {
  return (await request<{ user: User }>('POST', '/auth/totp/enable', { body: { code } })).user;
}

export async function totpDisable(code: string): Promise<User> {
  return (await request<{ user: User }>('POST', '/auth/totp/disable', { body: { code } })).user;
}

// --- users (admin) -----------------------------------------------------------------------------

export interface CreateUserInput {
  email: string;
  displayName: string;
  roles: string[];
  password?: string;
}

export interface UpdateUserInput {
  displayName?: string;
  roles?: string[];
  disabled?: boolean;
}

export async function listUsers(): Promise<User[]> {
  return (await request<{ users: User[] }>('GET', '/users')).users;
}

export function createUser(input: CreateUserInput): Promise<{ user: User; generatedPassword?: string }> {
  return request('POST', '/users', { body: input });
}

export async function updateUser(id: string, input: UpdateUserInput): Promise<User> {
  return (await request<{ user: User }>('PATCH', `/users/${encodeURIComponent(id)}`, { body: input })).user;
}

// --- API keys (admin) --------------------------------------------------------------------------

export async function listApiKeys(): Promise<ApiKey[]> {
  return (await request<{ apiKeys: ApiKey[] }>('GET', '/api-keys')).apiKeys;
}

export function createApiKey(input: { name: string; scopes: string[] }): Promise<{ apiKey: ApiKey; secret: string }> {
  return request('POST', '/api-keys', { body: input });
}

export async function revokeApiKey(id: string): Promise<ApiKey> {
  return (await request<{ apiKey: ApiKey }>('POST', `/api-keys/${encodeURIComponent(id)}/revoke`)).apiKey;
}
