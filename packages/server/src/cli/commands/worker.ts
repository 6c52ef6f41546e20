import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { parseRoles, WORKER_ROLES } from '../../jobs/queue.js';
import { openRuntime } from '../../runtime.js';
import { startMaintenanceSchedule } from '../../jobs/schedule.js';
import { CliFailure, parseIntOption } from '../output.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run background jobs (crawl, analyze, notify, system) until stopped')
    .option('--roles <roles>', `comma-separated roles: ${WORKER_ROLES.join(',')}`, WORKER_ROLES.join(','))
    .option('--concurrency <n>', 'jobs at once', parseIntOption('--concurrency', 1, 64), 2)
    .option('--poll-ms <ms>', 'how often to look for due jobs', parseIntOption('--poll-ms', 10, 60_000), 1000)
    .action(async (opts: { roles: string; concurrency: number; pollMs: number }) => {
      let roles;
      try {
        roles = parseRoles(opts.roles);
      } catch (err) {
        throw new CliFailure((err as Error).message, 2);
      }
      const runtime = await openRuntime(loadConfig());
      const worker = await runtime.queue.startWorker({ roles, concurrency: opts.concurrency, pollIntervalMs: opts.pollMs });
      process.stdout.write(`worker ${worker.id} running roles ${roles.join(',')} on ${runtime.database.dialect}\n`);
      const stopSchedule = roles.includes('system')
        ? startMaintenanceSchedule(runtime.queue, () => runtime.deps.clock.now(), (err) => process.stderr.write(`centinela: scheduling failed: ${String(err)}\n`))
        : () => {};
      await new Promise<void>((resolve) => {
        const shutdown = () => {
          stopSchedule();
          void worker.stop().then(() => runtime.close()).finally(resolve);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      });
    });
}
