import { isRole, type Role } from '@centinela/core';
import { generatePassword, hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from '../auth/password.js';
import type { AppUserTable } from '../db/schema/index.js';
import { appendAudit } from './auditService.js';
import { isoNow } from './clock.js';
import { inTransaction, type Actor, type ServiceDeps } from './deps.js';
import { uuidv7 } from './ids.js';
import { notFound, Problem } from './problem.js';

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: string;
  totpEnabled: boolean;
  disabled: boolean;
  createdAt: string;
}

export function toUser(row: AppUserTable): User {
  const roles = (JSON.parse(row.roles) as string[]).filter(isRole);
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles,
    locale: row.locale,
    totpEnabled: Number(row.totp_enabled) === 1,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
  };
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export interface NewUser {
  email: string;
  displayName: string;
  roles: Role[];
  password?: string | undefined;
  locale?: string | undefined;
}

/** Creates a user; without a password one is generated and returned once, never stored in clear. */
export async function createUser(deps: ServiceDeps, actor: Actor, input: NewUser): Promise<{ user: User; generatedPassword?: string }> {
  const email = normalizeEmail(input.email);
  if (input.roles.length === 0) throw new Problem(400, 'validation.roles_required', 'a user needs at least one role');
  const generated = input.password ? undefined : generatePassword();
  const password = input.password ?? generated!;
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new Problem(400, 'validation.password_too_short', `passwords need at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  // Hash outside the transaction: scrypt is slow on purpose and must not hold the write lock.
  const passwordHash = await hashPassword(password, deps.config.scryptCost);
  return inTransaction(deps, async (tx) => {
    const existing = await tx.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw new Problem(409, 'user.email_taken', 'a user with this e-mail already exists');
    const now = isoNow(tx.clock);
    const row: AppUserTable = {
      id: uuidv7(tx.clock.now().getTime()),
      email,
      display_name: input.displayName.trim(),
      password_hash: passwordHash,
      roles: JSON.stringify([...new Set(input.roles)]),
      locale: input.locale ?? 'es',
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    };
    await tx.db.insertInto('app_user').values(row).execute();
    await appendAudit(tx, actor, { action: 'user.create', target: { type: 'user', id: row.id }, details: { roles: input.roles } });
    return generated ? { user: toUser(row), generatedPassword: generated } : { user: toUser(row) };
  });
}

export async function getUser(deps: ServiceDeps, id: string): Promise<User> {
  const row = await deps.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('user');
  return toUser(row);
}

export async function listUsers(deps: ServiceDeps): Promise<User[]> {
  const rows = await deps.db.selectFrom('app_user').selectAll().orderBy('email').execute();
  return rows.map(toUser);
}

export interface UserChanges {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  disabled?: boolean | undefined;
}

export async function updateUser(deps: ServiceDeps, actor: Actor, id: string, changes: UserChanges): Promise<User> {
  return inTransaction(deps, async (tx) => {
    const row = await tx.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('user');
    if (changes.roles && changes.roles.length === 0) throw new Problem(400, 'validation.roles_required', 'a user needs at least one role');
    const losesAdmin = (changes.roles && !changes.roles.includes('admin')) || changes.disabled === true;
    if (losesAdmin && toUser(row).roles.includes('admin') && !toUser(row).disabled) {
      // Never leave the installation without an active administrator.
      const admins = (await tx.db.selectFrom('app_user').selectAll().where('disabled', '=', 0).execute()).map(toUser);
      if (admins.filter((u) => u.roles.includes('admin')).length <= 1) {
        throw new Problem(409, 'user.last_admin', 'the last active administrator cannot lose that role or be disabled');
      }
    }
    const patch: Partial<AppUserTable> = { updated_at: isoNow(tx.clock) };
    if (changes.displayName !== undefined) patch.display_name = changes.displayName.trim();
    if (changes.roles) patch.roles = JSON.stringify([...new Set(changes.roles)]);
    if (changes.disabled !== undefined) patch.disabled = changes.disabled ? 1 : 0;
    await tx.db.updateTable('app_user').set(patch).where('id', '=', id).execute();
    if (changes.disabled) {
      await tx.db.updateTable('session').set({ revoked_at: isoNow(tx.clock) }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    }
    await appendAudit(tx, actor, {
      action: 'user.update',
      target: { type: 'user', id },
      details: { fields: Object.keys(changes).filter((k) => changes[k as keyof UserChanges] !== undefined), ...(changes.roles ? { roles: changes.roles } : {}) },
    });
    return getUser(tx, id);
  });
}

/**
 * Sets a new password, lifts any lock-out and ends the user's sessions (all of them, or all but the one
 * the change was made from), so a stolen session does not outlive a password change.
 */
export async function setPassword(deps: ServiceDeps, actor: Actor, id: string, password: string, keepSessionId?: string): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new Problem(400, 'validation.password_too_short', `passwords need at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  const hash = await hashPassword(password, deps.config.scryptCost);
  await inTransaction(deps, async (tx) => {
    const now = isoNow(tx.clock);
    const result = await tx.db
      .updateTable('app_user')
      .set({ password_hash: hash, failed_logins: 0, locked_until: null, updated_at: now })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('user');
    let sessions = tx.db.updateTable('session').set({ revoked_at: now }).where('user_id', '=', id).where('revoked_at', 'is', null);
    if (keepSessionId) sessions = sessions.where('id', '!=', keepSessionId);
    await sessions.execute();
    await appendAudit(tx, actor, { action: 'user.set_password', target: { type: 'user', id } });
  });
}

/** A user changes their own password, proving they know the current one. */
export async function changeOwnPassword(
  deps: ServiceDeps,
  actor: Actor,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await deps.db.selectFrom('app_user').select('password_hash').where('id', '=', input.userId).executeTakeFirst();
  if (!row) throw notFound('user');
  if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
    await appendAudit(deps, actor, { action: 'user.set_password', outcome: 'failure', target: { type: 'user', id: input.userId }, details: { reason: 'bad_current_password' } });
    throw new Problem(400, 'auth.current_password_invalid', 'the current password is not correct').recorded();
  }
  if (input.currentPassword === input.newPassword) throw new Problem(400, 'validation.password_unchanged', 'the new password must differ from the current one');
  await setPassword(deps, actor, input.userId, input.newPassword, input.sessionId);
}

/** An administrator gives a user a new generated password, shown once. */
export async function resetPassword(deps: ServiceDeps, actor: Actor, id: string): Promise<string> {
  const password = generatePassword();
  await setPassword(deps, actor, id, password);
  return password;
}
