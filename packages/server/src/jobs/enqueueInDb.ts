import { Logger, runMigrations } from 'graphile-worker';
import { sql } from 'kysely';
import type { ServiceDeps } from '../services/deps.js';
import type { EnqueueOptions, JobQueue } from './queue.js';
import { SqlJobQueue } from './sqliteQueue.js';
import { checkedJob } from './tasks/index.js';

/**
 * Enqueues through the database handle alone — possibly inside the caller's transaction — for code that runs
 * inside a task and has no JobQueue: the embedded queue's table on SQLite, graphile-worker's `add_job` on PostgreSQL.
 */
export async function enqueueInDb(deps: ServiceDeps, task: string, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
  if (!deps.config.databaseUrl) {
    await new SqlJobQueue(deps).enqueue(task, payload, opts);
    return;
  }
  const { task: def, payload: parsed } = checkedJob(task, payload);
  await graphileSchema(deps.config.databaseUrl);
  await sql`select graphile_worker.add_job(
      identifier => ${task},
      payload => ${JSON.stringify(parsed)}::json,
      run_at => ${(opts.runAt ?? deps.clock.now()).toISOString()}::timestamptz,
      max_attempts => ${opts.maxAttempts ?? def.maxAttempts}::int,
      job_key => ${opts.jobKey ?? null}::text,
      job_key_mode => 'preserve_run_at'
    )`.execute(deps.db);
}

const ready = new Map<string, Promise<void>>();
const silent = new Logger(() => () => undefined);

/** graphile-worker's schema, created once per process if no worker or queue has done it yet. */
function graphileSchema(connectionString: string): Promise<void> {
  let p = ready.get(connectionString);
  if (!p) {
    p = runMigrations({ connectionString, logger: silent }).catch((err) => {
      ready.delete(connectionString);
      throw err;
    });
    ready.set(connectionString, p);
  }
  return p;
}

/** A JobQueue that can only enqueue, through `enqueueInDb` (for service functions that take a queue). */
export function dbQueue(deps: ServiceDeps): JobQueue {
  return {
    enqueue: async (task, payload, opts) => {
      await enqueueInDb(deps, task, payload, opts);
      return { id: '' };
    },
    startWorker: () => Promise.reject(new Error('dbQueue cannot run workers')),
    close: async () => undefined,
  };
}
