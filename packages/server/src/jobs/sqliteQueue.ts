import { performance } from 'node:perf_hooks';
import type { ServiceDeps } from '../services/deps.js';
import { isoNow } from '../services/clock.js';
import { uuidv7 } from '../services/ids.js';
import { backoffMs, type EnqueueOptions, type JobQueue, type RunningWorker, type WorkerOptions } from './queue.js';
import { checkedJob, findTask, tasks } from './tasks/index.js';
import { addStageTime, timed } from '../services/stageTimes.js';
import { findDeadWorkers, markWorkersDead, WorkerRegistration } from './workerRegistry.js';

/**
 * The embedded queue: jobs are rows in the `job` table, claimed with one atomic UPDATE. A job held by
 * a worker whose heartbeat went stale returns to the queue, so a crash mid-job means the job runs again.
 */
export class SqlJobQueue implements JobQueue {
  readonly #workers = new Set<RunningWorker>();

  constructor(private readonly deps: ServiceDeps) {}

  async enqueue(taskName: string, payload: unknown, opts: EnqueueOptions = {}): Promise<{ id: string }> {
    const { task, payload: parsed } = checkedJob(taskName, payload);
    const { db, clock } = this.deps;
    const id = uuidv7(clock.now().getTime());
    const inserted = await db
      .insertInto('job')
      .values({
        id,
        task: taskName,
        payload: JSON.stringify(parsed),
        job_key: opts.jobKey ?? null,
        status: 'queued',
        run_at: (opts.runAt ?? clock.now()).toISOString(),
        attempts: 0,
        max_attempts: opts.maxAttempts ?? task.maxAttempts,
        locked_by: null,
        locked_at: null,
        last_error: null,
        created_at: isoNow(clock),
        finished_at: null,
      })
      .onConflict((oc) => oc.column('job_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0 && opts.jobKey) {
      const existing = await db.selectFrom('job').select('id').where('job_key', '=', opts.jobKey).executeTakeFirstOrThrow();
      return { id: existing.id };
    }
    return { id };
  }

  async startWorker(opts: WorkerOptions): Promise<RunningWorker> {
    const names = tasks.filter((t) => opts.roles.includes(t.role)).map((t) => t.name);
    const registration = new WorkerRegistration(this.deps, opts.roles);
    await registration.start();
    const concurrency = opts.concurrency ?? 2;
    const pollMs = opts.pollIntervalMs ?? 1000;
    const running = new Set<Promise<void>>();
    let stopping = false;
    const abort = new AbortController();
    // Set when a job finishes (or stop is asked) while the loop is busy, so it looks for the next job at once
    // instead of sleeping a whole poll interval with a free slot: one job per interval would cap a worker's rate.
    let woken = false;
    let wake: (() => void) | undefined;
    const nudge = () => {
      woken = true;
      wake?.();
    };
    // Dead workers are looked for once per poll interval, not before every claim.
    let lastDeadCheck = -Infinity;

    const loop = async () => {
      while (!stopping) {
        if (performance.now() - lastDeadCheck >= pollMs) {
          await this.#releaseJobsOfDeadWorkers();
          lastDeadCheck = performance.now();
        }
        woken = false;
        while (!stopping && running.size < concurrency && names.length > 0) {
          const job = await timed('queue: claim', () => this.#claim(registration.id, names));
          if (!job) break;
          const p = this.#run(job, registration.id, abort.signal).finally(() => {
            running.delete(p);
            nudge();
          });
          running.add(p);
        }
        // Every slot busy: a finishing job wakes the loop. Nothing to claim: wait for the poll interval.
        if (woken || stopping) continue;
        const waitStarted = performance.now();
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wake = undefined;
        addStageTime(running.size >= concurrency ? 'queue: worker loop waiting on busy slots' : 'queue: worker loop asleep (nothing due)', performance.now() - waitStarted);
      }
    };
    const loopDone = loop();

    const worker: RunningWorker = {
      id: registration.id,
      stop: async () => {
        stopping = true;
        abort.abort();
        nudge();
        await loopDone;
        await Promise.allSettled([...running]);
        await registration.stop();
        this.#workers.delete(worker);
      },
    };
    this.#workers.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#workers].map((w) => w.stop()));
  }

  async #releaseJobsOfDeadWorkers(): Promise<void> {
    const dead = await findDeadWorkers(this.deps);
    if (dead.length === 0) return;
    const ids = dead.map((d) => d.id);
    await this.deps.db
      .updateTable('job')
      .set({ status: 'queued', locked_by: null, locked_at: null })
      .where('status', '=', 'running')
      .where('locked_by', 'in', ids)
      .execute();
    await markWorkersDead(this.deps, ids);
  }

  async #claim(workerId: string, names: string[]) {
    const { db, clock } = this.deps;
    const now = isoNow(clock);
    return db
      .updateTable('job')
      .set((eb) => ({ status: 'running', locked_by: workerId, locked_at: now, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('job')
          .select('id')
          .where('status', '=', 'queued')
          .where('run_at', '<=', now)
          .where('task', 'in', names)
          .orderBy('run_at')
          .orderBy('id')
          .limit(1),
      )
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  }

  async #run(job: { id: string; task: string; payload: string; attempts: number; max_attempts: number }, workerId: string, signal: AbortSignal): Promise<void> {
    const { db, clock } = this.deps;
    const task = findTask(job.task)!;
    try {
      const payload = task.payload.parse(JSON.parse(job.payload));
      await task.run(payload, { deps: this.deps, jobId: job.id, workerId, attempt: Number(job.attempts), queue: this, signal });
      await timed('queue: complete', () => db.updateTable('job').set({ status: 'done', finished_at: isoNow(clock), locked_by: null, locked_at: null }).where('id', '=', job.id).execute());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const exhausted = Number(job.attempts) >= Number(job.max_attempts);
      await db
        .updateTable('job')
        .set({
          status: exhausted ? 'failed' : 'queued',
          run_at: new Date(clock.now().getTime() + backoffMs(Number(job.attempts))).toISOString(),
          last_error: message.slice(0, 2000),
          locked_by: null,
          locked_at: null,
          finished_at: exhausted ? isoNow(clock) : null,
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}
