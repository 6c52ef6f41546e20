import type { z } from 'zod';
import type { ServiceDeps } from '../services/deps.js';

/** Worker roles; `centinela worker --roles crawl,analyze` runs only the tasks of those roles. */
export const WORKER_ROLES = ['system', 'crawl', 'analyze', 'notify'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

export interface TaskContext {
  deps: ServiceDeps;
  jobId: string;
  workerId: string;
  attempt: number;
  /**
   * The queue running the task, so a task can queue follow-up work (e.g. analyze.item → networks.updateForItem).
   * Both queues always pass it; optional so that contexts built by hand in tests need not.
   */
  queue?: JobQueue;
  /** Aborted when the worker stops: a long task (a crawl slice) ends early and queues its continuation. */
  signal?: AbortSignal;
}

/**
 * A kind of background work. Handlers must be idempotent: a job can run again after a crash, so each
 * records its effect under a key in the same transaction as the effect itself.
 */
export interface TaskDefinition<P = unknown> {
  name: string;
  role: WorkerRole;
  payload: z.ZodType<P>;
  maxAttempts: number;
  run(payload: P, ctx: TaskContext): Promise<void>;
}

export interface EnqueueOptions {
  runAt?: Date;
  /** Jobs with the same key are enqueued once. */
  jobKey?: string;
  maxAttempts?: number;
}

export interface RunningWorker {
  id: string;
  stop(): Promise<void>;
}

export interface WorkerOptions {
  roles: readonly WorkerRole[];
  concurrency?: number;
  pollIntervalMs?: number;
}

/** The job queue: embedded on SQLite, graphile-worker on PostgreSQL, same tasks on both. */
export interface JobQueue {
  enqueue(task: string, payload: unknown, opts?: EnqueueOptions): Promise<{ id: string }>;
  startWorker(opts: WorkerOptions): Promise<RunningWorker>;
  close(): Promise<void>;
}

export function parseRoles(text: string): WorkerRole[] {
  const roles = text.split(',').map((r) => r.trim()).filter(Boolean);
  for (const role of roles) {
    if (!(WORKER_ROLES as readonly string[]).includes(role)) {
      throw new Error(`--roles: unknown role "${role}" (known: ${WORKER_ROLES.join(', ')})`);
    }
  }
  if (roles.length === 0) throw new Error(`--roles: name at least one of ${WORKER_ROLES.join(', ')}`);
  return roles as WorkerRole[];
}

/** Retry delay after a failed attempt: 2^attempt seconds, at most an hour. */
export function backoffMs(attempt: number): number {
  return Math.min(3_600_000, 1000 * 2 ** attempt);
}
