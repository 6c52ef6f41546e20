import { Problem } from '../../services/problem.js';
import type { TaskDefinition } from '../queue.js';
import { analyzeItemTask } from './analyzeItem.js';
import { rebuildNetworksTask, updateNetworksTask } from './networks.js';
import { crawlRunTask } from './crawlRun.js';
import { crawlScheduleTask } from './crawlSchedule.js';
import { hotlineSweepTask } from './hotlineSweep.js';
import { outboxDeliverTask } from './outboxDeliver.js';
import { probeTask } from './probe.js';
import { purgeSessionsTask } from './purgeSessions.js';
import { purgeCasesTask } from './purgeCases.js';
import { reencryptFieldsTask } from './reencryptFields.js';

/** Every task the workers know. A capability adds its tasks here. */
export const tasks: TaskDefinition<never>[] = [
  probeTask,
  purgeSessionsTask,
  analyzeItemTask,
  purgeCasesTask,
  reencryptFieldsTask,
  updateNetworksTask,
  rebuildNetworksTask,
  crawlRunTask,
  crawlScheduleTask,
  outboxDeliverTask,
  hotlineSweepTask,
] as TaskDefinition<never>[];


export function findTask(name: string): TaskDefinition<unknown> | undefined {
  return tasks.find((t) => t.name === name) as TaskDefinition<unknown> | undefined;
}

/** The task and its validated payload, or a refusal with a stable code: bad jobs are never enqueued. */
export function checkedJob(taskName: string, payload: unknown): { task: TaskDefinition<unknown>; payload: unknown } {
  const task = findTask(taskName);
  if (!task) throw new Problem(400, 'job.unknown_task', `no task is called ${taskName}`);
  const parsed = task.payload.safeParse(payload);
  if (!parsed.success) throw new Problem(400, 'job.invalid_payload', `payload for ${taskName}: ${parsed.error.issues[0]?.message}`);
  return { task, payload: parsed.data };
}
