import { z } from 'zod';
import { purgeExpiredCases, PURGE_CASES_TASK } from '../../services/cases/retention.js';
import { systemActor } from '../../services/deps.js';
import type { TaskDefinition } from '../queue.js';

const payload = z.strictObject({});

/** Deletes closed cases whose retention period has ended. Idempotent: a purged case is simply gone. */
export const purgeCasesTask: TaskDefinition<z.output<typeof payload>> = {
  name: PURGE_CASES_TASK,
  role: 'system',
  payload,
  maxAttempts: 3,
  async run(_payload, { deps }) {
    await purgeExpiredCases(deps, systemActor);
  },
};
