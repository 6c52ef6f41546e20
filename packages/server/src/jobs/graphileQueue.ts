import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, type Runner, type TaskList, type WorkerEvents, type WorkerUtils } from 'graphile-worker';
import type { ServiceDeps } from '../services/deps.js';
import type { EnqueueOptions, JobQueue, RunningWorker, TaskDefinition, WorkerOptions } from './queue.js';
import { checkedJob, tasks } from './tasks/index.js';
import { findDeadWorkers, markWorkersDead, WorkerRegistration } from './workerRegistry.js';

// graphile-worker's own messages: warnings and errors only, to stderr, without job payloads.
const quietLogger = new Logger((scope) => (level, message) => {
  if (level === 'error' || level === 'warning') process.stderr.write(`graphile-worker ${level} [${scope.taskIdentifier ?? scope.label ?? ''}]: ${message}\n`);
});

/**
 * On PostgreSQL the queue is graphile-worker (SKIP LOCKED, LISTEN/NOTIFY, retries with backoff).
 * Our worker rows remember graphile's worker ids, so jobs locked by a dead process are unlocked at once
 * instead of after graphile's four-hour timeout.
 */
export class GraphileJobQueue implements JobQueue {
  #utils: Promise<WorkerUtils> | undefined;
  readonly #workers = new Set<RunningWorker>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly connectionString: string,
  ) {}

  #workerUtils(): Promise<WorkerUtils> {
    this.#utils ??= makeWorkerUtils({ connectionString: this.connectionString, logger: quietLogger }).then(async (u) => {
      await u.migrate();
      return u;
    });
    return this.#utils;
  }

  async enqueue(taskName: string, payload: unknown, opts: EnqueueOptions = {}): Promise<{ id: string }> {
    const { task, payload: parsed } = checkedJob(taskName, payload);
    const utils = await this.#workerUtils();
    const job = await utils.addJob(taskName, parsed as object, {
      ...(opts.runAt ? { runAt: opts.runAt } : {}),
      ...(opts.jobKey ? { jobKey: opts.jobKey, jobKeyMode: 'preserve_run_at' as const } : {}),
      maxAttempts: opts.maxAttempts ?? task.maxAttempts,
    });
    return { id: String(job.id) };
  }

  async startWorker(opts: WorkerOptions): Promise<RunningWorker> {
    const utils = await this.#workerUtils();
    const dead = await findDeadWorkers(this.deps);
    const deadEngineIds = dead.flatMap((d) => d.engineIds);
    if (deadEngineIds.length > 0) await utils.forceUnlockWorkers(deadEngineIds);
    await markWorkersDead(this.deps, dead.map((d) => d.id));

    const registration = new WorkerRegistration(this.deps, opts.roles);
    await registration.start();
    const taskList: TaskList = {};
    for (const task of tasks.filter((t) => opts.roles.includes(t.role)) as TaskDefinition<unknown>[]) {
      taskList[task.name] = async (payload, helpers) => {
        await task.run(task.payload.parse(payload), {
          deps: this.deps,
          jobId: String(helpers.job.id),
          workerId: registration.id,
          attempt: helpers.job.attempts,
          queue: this,
        });
      };
    }
    const engineIds: string[] = [];
    const events: WorkerEvents = new EventEmitter();
    events.on('worker:create', ({ worker }) => {
      engineIds.push(worker.workerId);
      void registration.setEngineIds(engineIds).catch(() => undefined);
    });
    const runner: Runner = await run({
      connectionString: this.connectionString,
      concurrency: opts.concurrency ?? 2,
      pollInterval: opts.pollIntervalMs ?? 2000,
      noHandleSignals: true,
      logger: quietLogger,
      taskList,
      events,
    });
    await registration.setEngineIds(engineIds);
    const worker: RunningWorker = {
      id: registration.id,
      stop: async () => {
        await runner.stop();
        await registration.stop();
        this.#workers.delete(worker);
      },
    };
    this.#workers.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#workers].map((w) => w.stop()));
    if (this.#utils) await (await this.#utils).release();
  }
}
