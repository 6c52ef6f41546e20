import { z } from 'zod';
import { configuredTransports } from '../../outbox/transports.js';
import { defaultUrlChecker } from '../../services/hotline/removalService.js';
import { runHotlineSweep } from '../../services/hotline/sweep.js';
import type { TaskDefinition } from '../queue.js';

export const HOTLINE_SWEEP_TASK = 'hotline.sweep';

/** Re-checks notified URLs that are due, re-notifies what is still there, and delivers due outbox messages. */
export const hotlineSweepTask: TaskDefinition<Record<string, never>> = {
  name: HOTLINE_SWEEP_TASK,
  role: 'notify',
  payload: z.strictObject({}),
  maxAttempts: 3,
  async run(_payload, { deps }) {
    await runHotlineSweep(deps, { checker: defaultUrlChecker(deps), transports: configuredTransports(deps.config) });
  },
};
