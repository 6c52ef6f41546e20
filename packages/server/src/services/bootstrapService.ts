import { appendAudit } from './auditService.js';
import { systemActor, type ServiceDeps } from './deps.js';
import { createUser } from './userService.js';

/**
 * On an empty installation, creates the first administrator from CENTINELA_ADMIN_EMAIL and
 * CENTINELA_ADMIN_PASSWORD; without a password one is generated and returned to be printed once.
 */
export async function ensureFirstAdmin(deps: ServiceDeps): Promise<{ created: false } | { created: true; email: string; generatedPassword?: string }> {
  const any = await deps.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false };
  const { user, generatedPassword } = await createUser(deps, systemActor, {
    email: deps.config.adminEmail,
    displayName: 'Administrator',
    roles: ['admin'],
    password: deps.config.adminPassword,
  });
  await appendAudit(deps, systemActor, { action: 'install.first_admin', target: { type: 'user', id: user.id } });
  return generatedPassword ? { created: true, email: user.email, generatedPassword } : { created: true, email: user.email };
}
