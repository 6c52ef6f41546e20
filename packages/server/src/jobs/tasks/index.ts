import type { TaskDefinition } from '../queue.js';
import { analyzeItemTask } from './analyzeItem.js';
import { probeTask } from './probe.js';
import { purgeSessionsTask } from './purgeSessions.js';

/** Every task the workers know. A capability adds its tasks here. */
export const tasks: TaskDefinition<never>[] = [probeTask, purgeSessionsTask, analyzeItemTask] as TaskDefinition<never>[];

export function findTask(name: string): TaskDefinition<unknown> | undefined {
  return tasks.find((t) => t.name === name) as TaskDefinition<unknown> | undefined;
}
