import type { Command } from 'commander';
import { addOrganisationMember, addTeamMember, createOrganisation, createTeam, listOrganisations, SERVICE_KINDS, type ServiceKind } from '../../services/cases/organisationService.js';
import { importCases } from '../../services/cases/caseTransfer.js';
import { cliActor } from '../../services/deps.js';
import { Problem } from '../../services/problem.js';
import { normalizeEmail } from '../../services/userService.js';
import { CliFailure, printJson } from '../output.js';
import type { Runtime } from '../../runtime.js';
import { readInputFile } from '../inputFile.js';
import { printWithRuntime, userByEmail, withRuntime } from '../runtime.js';

const userIdOf = async (runtime: Runtime, email: string): Promise<string> => (await userByEmail(runtime, email)).id;

export function registerCasesCommands(program: Command): void {
  const cases = program.command('cases').description('victim cases (HTCDS), the service directory and teams');
  const org = cases.command('org').description('the directory of service organisations');
  org
    .command('add')
    .description('add a service organisation')
    .requiredOption('--name <name>', 'organisation name')
    .requiredOption('--services <list>', `comma-separated: ${SERVICE_KINDS.join(', ')}`)
    .option('--country <code>', 'ISO 3166-1 alpha-2')
    .action(async (opts: { name: string; services: string; country?: string }) => {
      const services = opts.services.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = services.find((s) => !(SERVICE_KINDS as readonly string[]).includes(s));
      if (bad || services.length === 0) throw new CliFailure(`--services: "${bad ?? opts.services}" is not one of ${SERVICE_KINDS.join(', ')}`, 2);
      if (opts.country && !/^[A-Z]{2}$/.test(opts.country)) throw new CliFailure('--country must be an ISO 3166-1 alpha-2 code such as CO', 2);
      await printWithRuntime((r) => createOrganisation(r.deps, cliActor, { name: opts.name.trim(), country: opts.country ?? null, services: services as ServiceKind[], eligibility: {} }));
    });
  org
    .command('list')
    .description('list the directory')
    .action(async () => printWithRuntime((r) => listOrganisations(r.deps)));
  org
    .command('member <organisationId>')
    .description('bind a user with the partner role to an organisation')
    .requiredOption('--email <email>', 'the partner user')
    .action(async (organisationId: string, opts: { email: string }) =>
      printWithRuntime(async (r) => {
        await addOrganisationMember(r.deps, cliActor, organisationId, await userIdOf(r, opts.email));
        return { organisationId, member: normalizeEmail(opts.email) };
      }),
    );
  const team = cases.command('team').description('teams (a supervisor sees the cases of their teams)');
  team
    .command('add')
    .description('create a team')
    .requiredOption('--name <name>', 'team name')
    .action(async (opts: { name: string }) => printWithRuntime((r) => createTeam(r.deps, cliActor, opts.name.trim())));
  team
    .command('member <teamId>')
    .description('add a user to a team')
    .requiredOption('--email <email>', 'the user')
    .action(async (teamId: string, opts: { email: string }) =>
      printWithRuntime(async (r) => {
        await addTeamMember(r.deps, cliActor, teamId, await userIdOf(r, opts.email));
        return { teamId, member: normalizeEmail(opts.email) };
      }),
    );
  cases
    .command('import <file>')
    .description('import an HTCDS-shaped CSV or XLSX as cases owned by a caseworker, all or nothing (problems listed by line and column)')
    .requiredOption('--owner <email>', 'the caseworker who will own the cases')
    .action(async (file: string, opts: { owner: string }) => {
      await withRuntime(async (runtime) => {
        const content = await readInputFile(file, runtime.config.uploadLimitBytes);
        const format = /\.xlsx$/i.test(file) ? 'xlsx' : 'csv';
        const user = await userByEmail(runtime, opts.owner);
        if (!user.roles.includes('caseworker') && !user.roles.includes('supervisor')) throw new CliFailure(`${opts.owner} is not a caseworker or supervisor`);
        try {
          printJson(await importCases(runtime.deps, cliActor, user, { format, content }));
        } catch (err) {
          // Every problem, one JSON line each, so a long file can be fixed in one go.
          if (err instanceof Problem && Array.isArray(err.extra.issues)) for (const issue of err.extra.issues) process.stderr.write(`${JSON.stringify(issue)}\n`);
          throw err;
        }
      });
    });
}
