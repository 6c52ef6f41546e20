import type { Command } from 'commander';
import { cliActor } from '../../services/deps.js';
import { listPublications, publicationCsv, publishTable, STATS_METHODS, type StatsMethod } from '../../services/stats/statsService.js';
import { CliFailure, parseIntOption, printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

export function registerStatsCommands(program: Command): void {
  const stats = program.command('stats').description('statistics that identify no one');
  stats
    .command('publish')
    .description('publish a disaggregated table with small-cell suppression (k) or differential privacy (ε); prints it with its privacy parameters')
    .requiredOption('--title <title>', 'title printed with the table')
    .requiredOption('--dimensions <list>', 'comma-separated: sex, ageBand, exploitation, citizenship, countryOfExploitation, yearOfRegistration, meansOfControl (online: kind, year, country, exploitation)')
    .option('--method <method>', STATS_METHODS.join(' | '), 'k-anonymity')
    .option('--source <source>', 'cases | online', 'cases')
    .option('--k <k>', 'smallest count published (default CENTINELA_STATS_K, 11)', parseIntOption('--k', 2, 1000))
    .option('--epsilon <ε>', 'privacy loss for the table (default CENTINELA_STATS_EPSILON, 1)')
    .action(async (opts: { title: string; dimensions: string; method: string; source: string; k?: number; epsilon?: string }) => {
      if (!(STATS_METHODS as readonly string[]).includes(opts.method)) throw new CliFailure(`--method must be one of ${STATS_METHODS.join(', ')}`, 2);
      const source = opts.source;
      if (source !== 'cases' && source !== 'online') throw new CliFailure('--source must be cases or online', 2);
      const epsilon = opts.epsilon === undefined ? undefined : Number(opts.epsilon);
      if (epsilon !== undefined && !(epsilon > 0 && epsilon <= 10)) throw new CliFailure('--epsilon must be a number above 0 and at most 10', 2);
      await withRuntime(async (runtime) => {
        const pub = await publishTable(runtime.deps, cliActor, {
          title: opts.title,
          source,
          dimensions: opts.dimensions.split(',').map((d) => d.trim()).filter(Boolean),
          method: opts.method as StatsMethod,
          k: opts.k,
          epsilon,
        });
        process.stderr.write(`${pub.privacyStatement}\n`);
        printJson(pub);
      });
    });
  stats
    .command('list')
    .description('published tables, newest first, with their privacy parameters')
    .action(async () => {
      await withRuntime(async (runtime) => {
        for (const p of await listPublications(runtime.deps)) printJson({ id: p.id, title: p.title, dimensions: p.dimensions, createdAt: p.createdAt, privacy: p.table.privacy, privacyStatement: p.privacyStatement });
      });
    });
  stats
    .command('csv <id>')
    .description('a published table as CSV (privacy parameters on every row)')
    .action(async (id: string) => {
      await withRuntime(async (runtime) => {
        process.stdout.write(await publicationCsv(runtime.deps, id));
      });
    });
}
