import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { CliFailure, parseIntOption, printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

export function registerJobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('the background job queue');
  jobs
    .command('probe')
    .description('enqueue a probe job and wait until a worker has run it')
    .option('--hold-ms <ms>', 'how long the probe keeps its worker busy', parseIntOption('--hold-ms', 0, 600_000), 0)
    .option('--timeout <s>', 'seconds to wait for a worker', parseIntOption('--timeout', 1, 3600), 60)
    .option('--no-wait', 'enqueue and return at once')
    .option('--token <token>', 'probe token (default: random)')
    .action(async (opts: { holdMs: number; timeout: number; wait: boolean; token?: string }) => {
      await withRuntime(async (runtime) => {
        const token = opts.token ?? randomUUID();
        const job = await runtime.queue.enqueue('system.probe', { token, holdMs: opts.holdMs });
        if (!opts.wait) return printJson({ job: job.id, token, status: 'queued' });
        const deadline = Date.now() + opts.timeout * 1000;
        while (Date.now() < deadline) {
          const done = await runtime.deps.db.selectFrom('job_probe').selectAll().where('token', '=', token).executeTakeFirst();
          if (done) return printJson({ job: job.id, token, status: 'done', worker: done.worker_id, doneAt: done.done_at });
          await sleep(200);
        }
        throw new CliFailure(`no worker ran the probe within ${opts.timeout}s: is \`centinela worker\` (or serve on SQLite) running?`);
      });
    });
}
