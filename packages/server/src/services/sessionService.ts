import { hmacHex, randomToken, safeEqual, sha256Hex } from '../auth/tokens.js';
import { newTotpSecret, totpUri, verifyTotp } from '../auth/totp.js';
import { verifyPassword, hashPassword } from '../auth/password.js';
import type { AppUserTable } from '../db/schema/index.js';
import { appendAudit } from './auditService.js';
import { isoNow } from './clock.js';
import { inTransaction, type Actor, type ServiceDeps } from './deps.js';
import { uuidv7 } from './ids.js';
import { Problem } from './problem.js';
import { openText, sealText } from './sealing.js';
import { getUser, normalizeEmail, toUser, type User } from './userService.js';

export interface SignedIn {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

// Spent on unknown e-mails too, so response time does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

/** Checks password (and second factor), applies the lock-out policy, and opens a session. */
export async function signIn(
  deps: ServiceDeps,
  ip: string | null,
  input: { email: string; password: string; totpCode?: string | undefined },
): Promise<SignedIn> {
  const email = normalizeEmail(input.email);
  const row = await deps.db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
  const actor: Actor = { type: 'public', id: null, ip };
  if (!row) {
    dummyHash ??= hashPassword('centinela-timing-equaliser', deps.config.scryptCost);
    await verifyPassword(input.password, await dummyHash);
    await appendAudit(deps, actor, { action: 'auth.login', outcome: 'failure', details: { reason: 'unknown_account' } });
    throw invalidCredentials().recorded();
  }
  const userActor: Actor = { type: 'user', id: row.id, ip };
  const now = deps.clock.now();
  if (row.locked_until && new Date(row.locked_until) > now) {
    await appendAudit(deps, userActor, { action: 'auth.login', outcome: 'denied', target: { type: 'user', id: row.id }, details: { reason: 'locked' } });
    throw new Problem(423, 'auth.locked', `this account is locked until ${row.locked_until}`, { lockedUntil: row.locked_until }).recorded();
  }
  const passwordOk = await verifyPassword(input.password, row.password_hash);
  if (!passwordOk) throw await recordFailure(deps, row, userActor, 'bad_password');
  if (Number(row.disabled) === 1) {
    await appendAudit(deps, userActor, { action: 'auth.login', outcome: 'denied', target: { type: 'user', id: row.id }, details: { reason: 'disabled' } });
    throw invalidCredentials().recorded();
  }
  let totpStep: number | null = null;
  if (Number(row.totp_enabled) === 1) {
    if (!input.totpCode) throw new Problem(401, 'auth.totp_required', 'enter the code from your authenticator app');
    totpStep = verifyTotp(decryptTotp(deps, row), input.totpCode, now, row.totp_last_step === null ? null : Number(row.totp_last_step));
    if (totpStep === null) throw await recordFailure(deps, row, userActor, 'bad_totp');
  }
  return inTransaction(deps, async (tx) => {
    await tx.db
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null, ...(totpStep !== null ? { totp_last_step: totpStep } : {}) })
      .where('id', '=', row.id)
      .execute();
    const session = await openSession(tx, row.id);
    await appendAudit(tx, userActor, { action: 'auth.login', target: { type: 'user', id: row.id } });
    return { user: toUser(row), ...session };
  });
}

const invalidCredentials = () => new Problem(401, 'auth.invalid_credentials', 'the e-mail or password is not correct');

async function recordFailure(deps: ServiceDeps, row: AppUserTable, actor: Actor, reason: string): Promise<Problem> {
  return inTransaction(deps, async (tx) => {
    // Re-read inside the transaction so concurrent failures all count.
    const current = await tx.db.selectFrom('app_user').select('failed_logins').where('id', '=', row.id).executeTakeFirstOrThrow();
    const failures = Number(current.failed_logins) + 1;
    const lock = failures >= tx.config.loginMaxFailures;
    const lockedUntil = lock ? new Date(tx.clock.now().getTime() + tx.config.loginLockMinutes * 60_000).toISOString() : null;
    await tx.db
      .updateTable('app_user')
      .set({ failed_logins: lock ? 0 : failures, locked_until: lockedUntil })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(tx, actor, {
      action: lock ? 'auth.lockout' : 'auth.login',
      outcome: 'failure',
      target: { type: 'user', id: row.id },
      details: { reason, failures },
    });
    const problem = lock
      ? new Problem(423, 'auth.locked', `too many failed attempts; this account is locked until ${lockedUntil}`, { lockedUntil })
      : reason === 'bad_totp'
        ? new Problem(401, 'auth.totp_invalid', 'the authenticator code is not correct')
        : invalidCredentials();
    return problem.recorded();
  });
}

async function openSession(deps: ServiceDeps, userId: string): Promise<Omit<SignedIn, 'user'>> {
  const token = randomToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000).toISOString();
  await deps.db
    .insertInto('session')
    .values({
      id: uuidv7(now.getTime()),
      token_hash: sha256Hex(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
      revoked_at: null,
    })
    .execute();
  return { sessionToken: token, csrfToken: csrfTokenFor(deps, token), expiresAt };
}

/** The CSRF token is derived from the session token, so it needs no storage and dies with the session. */
export function csrfTokenFor(deps: Pick<ServiceDeps, 'keyring'>, sessionToken: string): string {
  return hmacHex(deps.keyring.derive('session-csrf'), sessionToken);
}

export function csrfTokenMatches(deps: Pick<ServiceDeps, 'keyring'>, sessionToken: string, presented: string): boolean {
  return safeEqual(csrfTokenFor(deps, sessionToken), presented);
}

export interface ActiveSession {
  sessionId: string;
  user: User;
}

/** Resolves a cookie token to a live session of an enabled user, or null. */
export async function resolveSession(deps: ServiceDeps, token: string): Promise<ActiveSession | null> {
  const now = isoNow(deps.clock);
  const row = await deps.db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .selectAll('app_user')
    .select(['session.id as session_id', 'session.expires_at', 'session.revoked_at', 'session.last_seen_at'])
    .where('session.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.expires_at <= now || Number(row.disabled) === 1) return null;
  // Touch at most once a minute, to keep reads cheap.
  if (Date.parse(now) - Date.parse(row.last_seen_at) > 60_000) {
    await deps.db.updateTable('session').set({ last_seen_at: now }).where('id', '=', row.session_id).execute();
  }
  return { sessionId: row.session_id, user: toUser(row) };
}

export async function signOut(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await tx.db.updateTable('session').set({ revoked_at: isoNow(tx.clock) }).where('id', '=', sessionId).execute();
    await appendAudit(tx, actor, { action: 'auth.logout', target: { type: 'session', id: sessionId } });
  });
}

function decryptTotp(deps: ServiceDeps, row: Pick<AppUserTable, 'id' | 'totp_secret'>): string {
  if (!row.totp_secret) throw new Problem(409, 'auth.totp_not_set_up', 'no authenticator is set up');
  return openText(deps, 'app_user.totp_secret', row.id, row.totp_secret);
}

/** Starts (or restarts) second-factor set-up; it takes effect only once a code is confirmed. */
export async function beginTotpSetup(deps: ServiceDeps, actor: Actor, userId: string): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await getUser(deps, userId);
  if (user.totpEnabled) throw new Problem(409, 'auth.totp_already_enabled', 'the second factor is already enabled; disable it first');
  const secret = newTotpSecret();
  const sealed = sealText(deps, 'app_user.totp_secret', userId, secret);
  await inTransaction(deps, async (tx) => {
    await tx.db.updateTable('app_user').set({ totp_secret: sealed, updated_at: isoNow(tx.clock) }).where('id', '=', userId).execute();
    await appendAudit(tx, actor, { action: 'auth.totp_setup', target: { type: 'user', id: userId } });
  });
  return { secret, otpauthUrl: totpUri(secret, user.email) };
}

export async function setTotpEnabled(deps: ServiceDeps, actor: Actor, userId: string, code: string, enabled: boolean): Promise<User> {
  return inTransaction(deps, async (tx) => {
    const row = await tx.db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    if (enabled === (Number(row.totp_enabled) === 1)) {
      throw new Problem(409, enabled ? 'auth.totp_already_enabled' : 'auth.totp_not_enabled', `the second factor is already ${enabled ? 'enabled' : 'disabled'}`);
    }
    const step = verifyTotp(decryptTotp(tx, row), code, tx.clock.now(), row.totp_last_step === null ? null : Number(row.totp_last_step));
    if (step === null) throw new Problem(400, 'auth.totp_invalid', 'the authenticator code is not correct');
    await tx.db
      .updateTable('app_user')
      .set({
        totp_enabled: enabled ? 1 : 0,
        totp_secret: enabled ? row.totp_secret : null,
        totp_last_step: enabled ? step : null,
        updated_at: isoNow(tx.clock),
      })
      .where('id', '=', userId)
      .execute();
    await appendAudit(tx, actor, { action: enabled ? 'auth.totp_enable' : 'auth.totp_disable', target: { type: 'user', id: userId } });
    return getUser(tx, userId);
  });
}
