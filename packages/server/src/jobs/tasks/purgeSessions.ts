import { z } from 'zod';
import { isoNow } from '../../services/clock.js';
import type { TaskDefinition } from '../queue.js';

const payload = z.strictObject({});

/** Deletes sessions that expired or were revoked more than a day ago; they authenticate no one. */
export const purgeSessionsTask: TaskDefinition<z.output<typeof payload>> = {
  name: 'system.purgeSessions',
  role: 'system',
  payload,
  maxAttempts: 3,
  async run(_payload, { deps }) {
    const cutoff = new Date(deps.clock.now().getTime() - 86_400_000).toISOString();
    await deps.db
      .deleteFrom('session')
      .where((eb) => eb.or([eb('expires_at', '<', isoNow(deps.clock)), eb('revoked_at', '<', cutoff)]))
      .execute();
  },
};
