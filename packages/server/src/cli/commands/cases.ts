import { readFileSync } from 'node:fs';
import { isRole, type Role } from '@centinela/core';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { openRuntime } from '../../runtime.js';
import { importCases } from '../../services/cases/caseTransfer.js';
import { cliActor } from '../../services/deps.js';
import { Problem } from '../../services/problem.js';
import { normalizeEmail } from '../../services/userService.js';
import { CliFailure, printJson } from '../output.js';

export function registerCasesCommands(program: Command): void {
  const cases = program.command('cases').description('victim cases (HTCDS)');
  cases
    .command('import <file>')
    .description('import an HTCDS-shaped CSV or XLSX as cases owned by a caseworker, all or nothing (problems listed by line and column)')
    .requiredOption('--owner <email>', 'the caseworker who will own the cases')
    .action(async (file: string, opts: { owner: string }) => {
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch {
        throw new CliFailure(`cannot read ${file}`, 2);
      }
      const format = /\.xlsx$/i.test(file) ? 'xlsx' : 'csv';
      const runtime = await openRuntime(loadConfig());
      try {
        const user = await runtime.deps.db.selectFrom('app_user').select(['id', 'roles']).where('email', '=', normalizeEmail(opts.owner)).executeTakeFirst();
        if (!user) throw new CliFailure(`no user has the e-mail ${opts.owner}`);
        const roles = (JSON.parse(user.roles) as string[]).filter(isRole) as Role[];
        if (!roles.includes('caseworker') && !roles.includes('supervisor')) throw new CliFailure(`${opts.owner} is not a caseworker or supervisor`);
        try {
          printJson(await importCases(runtime.deps, cliActor, { id: user.id, roles }, { format, content }));
        } catch (err) {
          // Every problem, one JSON line each, so a long file can be fixed in one go.
          if (err instanceof Problem && Array.isArray(err.extra.issues)) for (const issue of err.extra.issues) process.stderr.write(`${JSON.stringify(issue)}\n`);
          throw err;
        }
      } finally {
        await runtime.close();
      }
    });
}
