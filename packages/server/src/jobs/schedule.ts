import type { JobQueue } from './queue.js';

/** Recurring maintenance, enqueued under a per-period key so several workers schedule it only once. */
const RECURRING: Array<{ task: string; everyMs: number }> = [
  { task: 'system.purgeSessions', everyMs: 86_400_000 },
  { task: 'cases.purgeExpired', everyMs: 86_400_000 },
  // crawl.schedule decides which profiles are due for a recrawl.
  { task: 'crawl.schedule', everyMs: 15 * 60_000 },
  { task: 'hotline.sweep', everyMs: 3_600_000 },
];

export function startMaintenanceSchedule(queue: JobQueue, now: () => Date, onError: (err: unknown) => void): () => void {
  const tick = () => {
    for (const { task, everyMs } of RECURRING) {
      const period = Math.floor(now().getTime() / everyMs);
      queue.enqueue(task, {}, { jobKey: `${task}:${period}` }).catch(onError);
    }
  };
  tick();
  const timer = setInterval(tick, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
