// The one place that talks to the Centinela HTTP API (`/api/v1`). Every call uses the session cookie
// (`credentials: 'same-origin'`); every state-changing call carries the CSRF token from the session.

import type { RefusedLine } from '../i18n/lineReasons';

export const ROLES = ['admin', 'analyst', 'investigator', 'caseworker', 'statistician', 'supervisor', 'partner'] as const;
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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Do not trigger the global "session ended" handler on 401 (sign-in, session probe). */
  quietAuth?: boolean;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
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

/** A call whose answer is a file: the body as a Blob and the server's file name, errors as `ApiError`. */
async function fetchFile(path: string, body?: unknown): Promise<{ blob: Blob; filename: string | null }> {
  const init: RequestInit = { credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    const headers: Record<string, string> = { accept: '*/*', 'content-type': 'application/json' };
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    Object.assign(init, { method: 'POST', headers, body: JSON.stringify(body) });
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError(0, { code: 'network' });
  }
  if (!res.ok) {
    const err = new ApiError(res.status, parseProblem(await res.text()));
    if (res.status === 401 && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  const filename = /filename="?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null;
  return { blob: await res.blob(), filename };
}

/** A state-changing call whose answer is a file (evidence packages). */
export function requestFile(path: string, body: unknown): Promise<{ blob: Blob; filename: string | null }> {
  return fetchFile(path, body);
}

/** Hands a fetched file to the browser as a download; the object URL is revoked once the download has started. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** The problem body of a failed XHR/fetch response, or an empty object when it has none. */
function parseProblem(text: string): Problem {
  if (!text) return {};
  try {
    const data: unknown = JSON.parse(text);
    return isObject(data) ? (data as Problem) : {};
  } catch {
    return {};
  }
}

/** Upload progress: bytes sent so far and in total (total is 0 when the browser cannot tell). */
export interface UploadProgress {
  loaded: number;
  total: number;
}

interface SendOptions {
  body: XMLHttpRequestBodyInit;
  /** Omitted for FormData: the browser writes the multipart boundary itself. */
  contentType?: string;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * A state-changing call with a body that is not JSON (a file, a multipart form), made with XMLHttpRequest
 * because fetch cannot report upload progress. Same CSRF header, errors and session-ended hook as `request`.
 */
function send<T>(method: 'POST', path: string, options: SendOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    if (options.contentType) xhr.setRequestHeader('content-type', options.contentType);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    if (options.onProgress) {
      const report = options.onProgress;
      xhr.upload.onprogress = (e) => report({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    }
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', onAbort);
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, { code: 'network' }));
    };
    xhr.onabort = () => {
      done();
      reject(new ApiError(0, { code: 'aborted' }));
    };
    xhr.onload = () => {
      done();
      const status = xhr.status;
      if (status === 204) {
        resolve(undefined as T);
        return;
      }
      const text = xhr.responseText;
      if (status < 200 || status >= 300) {
        const retryAfter = Number(xhr.getResponseHeader('retry-after'));
        const err = new ApiError(status, parseProblem(text), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
        if (status === 401 && onUnauthenticated) onUnauthenticated();
        reject(err);
        return;
      }
      try {
        resolve(JSON.parse(text) as T);
      } catch {
        reject(new ApiError(status, { code: 'server', detail: 'Unexpected response body' }));
      }
    };
    xhr.send(options.body);
  });
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

/** Changes the signed-in user's password; the server ends the user's other sessions (this one stays). */
export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return request('POST', '/auth/password', { body: input });
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

/** Gives a user a new generated password (shown once); their sessions end and any lock-out is lifted. */
export async function resetUserPassword(id: string): Promise<string> {
  return (await request<{ generatedPassword: string }>('POST', `/users/${encodeURIComponent(id)}/reset-password`)).generatedPassword;
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

// --- hash banks (admins manage; analysts read) ---------------------------------------------------

export const SIGNAL_TYPES = ['pdq', 'md5', 'sha256'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export const BANK_FORMATS = ['csv', 'lines', 'te'] as const;
export type BankFormat = (typeof BANK_FORMATS)[number];

export interface Bank {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  entryCount: number;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BankEntry {
  id: string;
  bankId: string;
  signalType: SignalType;
  hash: string;
  quality: number | null;
  category: string | null;
  source: string | null;
  note: string | null;
  externalId: string | null;
  enabled: boolean;
  addedBy: string;
  addedByName: string | null;
  addedAt: string;
}

export interface ImportReport {
  read: number;
  added: number;
  duplicates: number;
  invalid: ({ line: number } & RefusedLine)[];
  invalidCount: number;
}

/** The report that comes with a refused import (`bank.import_invalid`), when the error carries one. */
export function importReportOf(err: unknown): ImportReport | null {
  if (!(err instanceof ApiError)) return null;
  const r = err.problem['report'];
  if (!isObject(r) || !Array.isArray(r['invalid'])) return null;
  return r as unknown as ImportReport;
}

const bankPath = (id: string) => `/banks/${encodeURIComponent(id)}`;

export async function listBanks(): Promise<Bank[]> {
  return (await request<{ banks: Bank[] }>('GET', '/banks')).banks;
}

export async function getBank(id: string): Promise<Bank> {
  return (await request<{ bank: Bank }>('GET', bankPath(id))).bank;
}

export async function createBank(input: { name: string; description?: string | null; enabled?: boolean }): Promise<Bank> {
  return (await request<{ bank: Bank }>('POST', '/banks', { body: input })).bank;
}

export async function updateBank(id: string, input: { name?: string; description?: string | null; enabled?: boolean }): Promise<Bank> {
  return (await request<{ bank: Bank }>('PATCH', bankPath(id), { body: input })).bank;
}

export function deleteBank(id: string): Promise<void> {
  return request('DELETE', bankPath(id));
}

export interface EntryPage {
  entries: BankEntry[];
  /** The cursor of the following page, or null on the last page. */
  next: string | null;
}

export function listBankEntries(id: string, opts: { after?: string | null; limit?: number } = {}): Promise<EntryPage> {
  const q = new URLSearchParams();
  if (opts.after) q.set('after', opts.after);
  if (opts.limit) q.set('limit', String(opts.limit));
  const qs = q.toString();
  return request('GET', `${bankPath(id)}/entries${qs ? `?${qs}` : ''}`);
}

export async function setBankEntryEnabled(bankId: string, entryId: string, enabled: boolean): Promise<BankEntry> {
  return (await request<{ entry: BankEntry }>('PATCH', `${bankPath(bankId)}/entries/${encodeURIComponent(entryId)}`, { body: { enabled } })).entry;
}

/** Imports a file chosen in the browser (sent as is, with upload progress). All or nothing unless skipInvalid. */
export async function importBankFile(
  id: string,
  file: Blob,
  opts: { format: BankFormat; skipInvalid: boolean; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal },
): Promise<ImportReport> {
  const q = new URLSearchParams({ format: opts.format, skipInvalid: String(opts.skipInvalid) });
  const res = await send<{ report: ImportReport }>('POST', `${bankPath(id)}/import?${q.toString()}`, {
    body: file,
    contentType: opts.format === 'csv' ? 'text/csv' : 'text/plain',
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return res.report;
}

/** Downloads a bank export as a file, named by the server (or after the bank). */
export async function downloadBankExport(bank: { id: string; name: string }, format: BankFormat): Promise<void> {
  const { blob, filename } = await fetchFile(`${bankPath(bank.id)}/export?format=${encodeURIComponent(format)}`);
  saveFile(blob, filename ?? `${bank.name.replace(/[^A-Za-z0-9._-]+/g, '_')}.${format === 'csv' ? 'csv' : 'txt'}`);
}

// --- hashing and matching ----------------------------------------------------------------------

export const DEFAULT_THRESHOLD = 31;
export const MAX_THRESHOLD = 64;
export const MAX_HASHES_PER_REQUEST = 1000;

export interface ImageHashes {
  file: string;
  pdq: string;
  quality: number;
  md5: string;
  sha256: string;
  width: number;
  height: number;
}

export interface MatchHit {
  bank: string;
  bankId: string;
  entryId: string;
  signalType: SignalType;
  category: string | null;
  distance: number;
  variant?: string;
}

export type MatchStatus = 'matched' | 'no_match' | 'low_quality';

export interface MatchResult {
  type?: SignalType;
  hash?: string;
  file?: ImageHashes;
  status: MatchStatus;
  matches: MatchHit[];
  quality?: number;
  minQuality?: number;
  truncated?: boolean;
}

export interface MatchOptions {
  threshold?: number;
  dihedral?: boolean;
}

/** Matches uploaded images (multipart). The bytes are hashed by the server and not stored. */
export async function matchFiles(files: readonly File[], opts: MatchOptions & { onProgress?: (p: UploadProgress) => void }): Promise<MatchResult[]> {
  const form = new FormData();
  if (opts.threshold !== undefined) form.append('threshold', String(opts.threshold));
  if (opts.dihedral !== undefined) form.append('dihedral', String(opts.dihedral));
  for (const f of files) form.append('file', f, f.name);
  const res = await send<{ results: MatchResult[] }>('POST', '/match', { body: form, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  return res.results;
}

/** Matches hashes given as text (`pdq:`, `md5:`, `sha256:` prefixes allowed; 64 hex digits is PDQ, 32 is MD5). */
export async function matchHashes(hashes: readonly string[], opts: MatchOptions): Promise<MatchResult[]> {
  const body = { hashes: hashes.map((hash) => ({ hash })), ...opts };
  return (await request<{ results: MatchResult[] }>('POST', '/match', { body })).results;
}

/** The per-item errors of a validation problem (`errors: [{path, message}]`), when it has them. */
export interface ProblemError {
  path: string;
  message: string;
  /** Set when the server gives the error a stable code (e.g. a malformed hash: see `RefusedLine`). */
  code?: string;
  params?: Record<string, string | number>;
}

export function problemErrors(err: unknown): ProblemError[] {
  if (!(err instanceof ApiError)) return [];
  const list = err.problem['errors'];
  if (!Array.isArray(list)) return [];
  return list.filter((e): e is ProblemError => isObject(e) && typeof e['path'] === 'string' && typeof e['message'] === 'string');
}

// --- items and text analysis -------------------------------------------------------------------

export const ITEM_SOURCES = ['crawl', 'report', 'partner', 'import'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

export const ENTITY_TYPES = ['phone', 'email', 'wallet', 'handle', 'url'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ITEM_SORTS = ['score', 'captured'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

/** A matched piece of text: UTF-16 offsets into the analysed string, and the text found there. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface ScoredIndicator {
  id: string;
  category: string;
  weight: number;
  evidence: string;
  /** English; the UI shows its own translation by id and keeps this as a fallback. */
  label: string;
  spans: TextSpan[];
}

export interface ScoreContribution {
  source: string;
  id: string;
  category?: string;
  evidence?: string;
  weight: number;
  value: number;
  contribution: number;
  capped: boolean;
  spans?: TextSpan[];
  /** English, for the record; the UI builds its own explanation from the fields. */
  explanation: string;
}

export interface HiddenCharacters {
  present: boolean;
  zeroWidth: number;
  bidi: number;
  otherInvisible: number;
  homoglyphs: number;
  reversed: boolean;
  spans: { start: number; end: number }[];
  homoglyphSpans: { start: number; end: number }[];
}

/** An entity found in a text. Type-specific fields (`obfuscated`, `platform`, `chain`…) are flat here… */
export interface AnalysedEntity {
  type: string;
  value: string;
  normalized: string;
  start: number;
  end: number;
  [attribute: string]: unknown;
}

/** …and in `attributes` on a stored item's entities. */
export interface ItemEntity {
  type: string;
  value: string;
  normalized: string;
  start: number;
  end: number;
  attributes: Record<string, unknown>;
}

/** An indicator named in a list row (only when the server sends it with the summary). */
export interface IndicatorRef {
  id: string;
  category?: string;
  weight?: number;
  label?: string;
}

export interface ItemSummary {
  id: string;
  source: ItemSource;
  url: string | null;
  site: string | null;
  title: string | null;
  snippet: string;
  postedAt: string | null;
  capturedAt: string;
  locationText: string | null;
  priceText: string | null;
  language: string | null;
  riskScore: number | null;
  analysedAt: string | null;
  previousId: string | null;
  createdAt: string;
  /** Not part of the current contract (docs/ITEMS.md); shown when a server sends it. */
  indicators?: IndicatorRef[];
}

export interface ItemAnalysis {
  version: string;
  /** Where `text` starts in the analysed string (title, a blank line, then the text); 0 without a title. */
  textOffset: number;
  indicators: ScoredIndicator[];
  entities: ItemEntity[];
  details: {
    breakdown: ScoreContribution[];
    truncated: boolean;
    hiddenCharacters: HiddenCharacters;
    lexiconVersions: Record<string, string>;
    configVersion: string;
    languageConfidence: number | null;
  };
}

export interface Item extends Omit<ItemSummary, 'snippet'> {
  text: string;
  mediaRefs: string[];
  rawCaptureRef: string | null;
  contentHash: string;
  region: string | null;
  ingestedBy: string;
  updatedAt: string;
  analysis: ItemAnalysis | null;
}

export interface ScoreResult {
  language: string;
  languageConfidence?: number;
  score: number;
  indicators: ScoredIndicator[];
  entities: AnalysedEntity[];
  breakdown: ScoreContribution[];
  truncated: boolean;
  hiddenCharacters: HiddenCharacters;
  lexiconVersions: Record<string, string>;
  configVersion: string;
}

/** The filters of `GET /items`, as the API takes them (dates as ISO 8601; `to` bounds exclusive). */
export interface ItemQuery {
  minScore?: number;
  maxScore?: number;
  indicator?: string;
  entityType?: EntityType;
  entity?: string;
  site?: string;
  language?: string;
  source?: ItemSource;
  capturedFrom?: string;
  capturedTo?: string;
  postedFrom?: string;
  postedTo?: string;
  sort?: ItemSort;
  cursor?: string;
  limit?: number;
}

/** Why an investigator searches or reads (written to the audit log with the search or read). */
export interface AccessReasonInput {
  purpose?: string;
  legalBasis?: string;
}

export function reasonParams(q: URLSearchParams, reason: AccessReasonInput | null | undefined): void {
  if (reason?.purpose) q.set('purpose', reason.purpose);
  if (reason?.legalBasis) q.set('legalBasis', reason.legalBasis);
}

export interface ItemPage {
  items: ItemSummary[];
  /** Pass as `cursor` for the following page; null on the last page. */
  next: string | null;
}

export function listItems(query: ItemQuery, reason?: AccessReasonInput | null): Promise<ItemPage> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query) as [string, string | number | undefined][]) {
    if (v !== undefined && v !== '') q.set(k, String(v));
  }
  reasonParams(q, reason);
  const qs = q.toString();
  return request('GET', `/items${qs ? `?${qs}` : ''}`);
}

export async function getItem(id: string, reason?: AccessReasonInput | null): Promise<Item> {
  const q = new URLSearchParams();
  reasonParams(q, reason);
  const qs = q.toString();
  return (await request<{ item: Item }>('GET', `/items/${encodeURIComponent(id)}${qs ? `?${qs}` : ''}`)).item;
}

/** Indicators, entities and the explained score of a text; nothing is stored. */
export function analyzeText(input: { text: string; language?: 'es' | 'en' | 'pt'; region?: string }): Promise<ScoreResult> {
  return request('POST', '/analyze', { body: input });
}

/** The request helper, for capability call files (`api/<area>.ts`). */
