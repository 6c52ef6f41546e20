import { isApiKeyScope, type ApiKeyScope } from '@centinela/core';
import { hmacHex, randomToken, safeEqual } from '../auth/tokens.js';
import type { ApiKeyTable } from '../db/schema/index.js';
import { appendAudit } from './auditService.js';
import { isoNow } from './clock.js';
import { inTransaction, type Actor, type ServiceDeps } from './deps.js';
import { uuidv7 } from './ids.js';
import { notFound, Problem } from './problem.js';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toApiKey(row: ApiKeyTable): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: (JSON.parse(row.scopes) as string[]).filter(isApiKeyScope),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

// Keys look like `ctn_<prefix>_<secret>`: the prefix finds the row, the keyed hash of the secret proves it.
const KEY_FORMAT = /^ctn_([A-Za-z0-9_-]{10})_([A-Za-z0-9_-]{43})$/;

const secretHash = (deps: Pick<ServiceDeps, 'keyring'>, secret: string) => hmacHex(deps.keyring.derive('api-key-hmac'), secret);

export async function createApiKey(
  deps: ServiceDeps,
  actor: Actor,
  input: { name: string; scopes: ApiKeyScope[] },
): Promise<{ apiKey: ApiKey; secret: string }> {
  if (input.scopes.length === 0) throw new Problem(400, 'validation.scopes_required', 'an API key needs at least one scope');
  if (actor.type !== 'user' || !actor.id) throw new Problem(403, 'auth.forbidden', 'only a signed-in administrator creates API keys');
  const prefix = randomToken(8).slice(0, 10).replace(/_/g, '-');
  const secret = randomToken(32);
  return inTransaction(deps, async (tx) => {
    const row: ApiKeyTable = {
      id: uuidv7(tx.clock.now().getTime()),
      name: input.name.trim(),
      prefix,
      secret_hash: secretHash(tx, secret),
      scopes: JSON.stringify([...new Set(input.scopes)]),
      created_by: actor.id!,
      created_at: isoNow(tx.clock),
      last_used_at: null,
      revoked_at: null,
    };
    await tx.db.insertInto('api_key').values(row).execute();
    await appendAudit(tx, actor, { action: 'api_key.create', target: { type: 'api_key', id: row.id }, details: { scopes: input.scopes } });
    return { apiKey: toApiKey(row), secret: `ctn_${prefix}_${secret}` };
  });
}

export async function listApiKeys(deps: ServiceDeps): Promise<ApiKey[]> {
  return (await deps.db.selectFrom('api_key').selectAll().orderBy('created_at', 'desc').execute()).map(toApiKey);
}

export async function revokeApiKey(deps: ServiceDeps, actor: Actor, id: string): Promise<ApiKey> {
  return inTransaction(deps, async (tx) => {
    const row = await tx.db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('API key');
    if (!row.revoked_at) {
      await tx.db.updateTable('api_key').set({ revoked_at: isoNow(tx.clock) }).where('id', '=', id).execute();
      await appendAudit(tx, actor, { action: 'api_key.revoke', target: { type: 'api_key', id } });
    }
    return toApiKey(await tx.db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Returns the live key a bearer token names, or null for malformed, unknown, forged or revoked keys. */
export async function authenticateApiKey(deps: ServiceDeps, bearer: string): Promise<ApiKey | null> {
  const match = KEY_FORMAT.exec(bearer);
  if (!match) return null;
  const row = await deps.db.selectFrom('api_key').selectAll().where('prefix', '=', match[1]!).executeTakeFirst();
  if (!row || row.revoked_at || !safeEqual(row.secret_hash, secretHash(deps, match[2]!))) return null;
  const now = isoNow(deps.clock);
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await deps.db.updateTable('api_key').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return toApiKey(row);
}
