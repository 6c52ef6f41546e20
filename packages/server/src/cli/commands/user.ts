import { isRole, ROLES, type Role } from '@centinela/core';
import type { Command } from 'commander';
import { z } from 'zod';
import { cliActor } from '../../services/deps.js';
import { createUser, normalizeEmail, setPassword } from '../../services/userService.js';
import { generatePassword } from '../../auth/password.js';
import { CliFailure, printJson } from '../output.js';
import { userByEmail, withRuntime } from '../runtime.js';

function parseRoleList(text: string): Role[] {
  const roles = text.split(',').map((r) => r.trim()).filter(Boolean);
  const bad = roles.find((r) => !isRole(r));
  if (bad || roles.length === 0) throw new CliFailure(`--roles: "${bad ?? text}" is not a role (${ROLES.join(', ')})`, 2);
  return roles as Role[];
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage user accounts');
  user
    .command('add')
    .description('create a user; prints a generated password once unless CENTINELA_NEW_USER_PASSWORD is set')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--roles <roles>', 'comma-separated roles')
    .option('--name <name>', 'display name')
    .option('--locale <locale>', 'es or en', 'es')
    .action(async (opts: { email: string; roles: string; name?: string; locale: string }) => {
      if (!z.email().safeParse(opts.email).success) throw new CliFailure(`--email: "${opts.email}" is not an e-mail address`, 2);
      if (opts.locale !== 'es' && opts.locale !== 'en') throw new CliFailure('--locale must be es or en', 2);
      const roles = parseRoleList(opts.roles);
      await withRuntime(async (runtime) => {
        // A password is never taken as an argument: it would stay in the shell history.
        const password = process.env.CENTINELA_NEW_USER_PASSWORD || undefined;
        const { user: created, generatedPassword } = await createUser(runtime.deps, cliActor, {
          email: opts.email,
          displayName: opts.name ?? opts.email.split('@')[0]!,
          roles,
          password,
          locale: opts.locale,
        });
        printJson({ id: created.id, email: created.email, roles: created.roles, ...(generatedPassword ? { password: generatedPassword } : {}) });
      });
    });
  user
    .command('reset-password')
    .description('set a new generated password for a user (printed once) and lift any lock-out')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .action(async (opts: { email: string }) => {
      await withRuntime(async (runtime) => {
        const { id } = await userByEmail(runtime, opts.email);
        const password = generatePassword();
        await setPassword(runtime.deps, cliActor, id, password);
        printJson({ email: normalizeEmail(opts.email), password });
      });
    });
}
