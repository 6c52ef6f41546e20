import { isRole, type Role } from '@centinela/core';
import { loadConfig } from '../config/config.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { normalizeEmail } from '../services/userService.js';
import { CliFailure, printJson } from './output.js';

/** Opens the runtime from the environment, runs `fn`, and closes it (then `cleanup`, if given) whatever happens. */
export async function withRuntime<T>(fn: (runtime: Runtime) => Promise<T>, cleanup?: () => Promise<void>): Promise<T> {
  const runtime = await openRuntime(loadConfig());
  try {
    return await fn(runtime);
  } finally {
    await cleanup?.();
    await runtime.close();
  }
}

/** {@link withRuntime}, printing the result as one JSON line. */
export async function printWithRuntime(fn: (runtime: Runtime) => Promise<unknown>): Promise<void> {
  printJson(await withRuntime(fn));
}

/** The user signing in with `email`, or a failure naming the address. */
export async function userByEmail(runtime: Runtime, email: string): Promise<{ id: string; roles: Role[] }> {
  const row = await runtime.deps.db.selectFrom('app_user').select(['id', 'roles']).where('email', '=', normalizeEmail(email)).executeTakeFirst();
  if (!row) throw new CliFailure(`no user has the e-mail ${email}`);
  return { id: row.id, roles: (JSON.parse(row.roles) as string[]).filter(isRole) };
}
