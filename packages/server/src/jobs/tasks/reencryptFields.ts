import { z } from 'zod';
import { appendAudit } from '../../services/auditService.js';
import { reencryptAll, REENCRYPT_TASK } from '../../services/cases/keyRotation.js';
import { systemActor } from '../../services/deps.js';
import type { TaskDefinition } from '../queue.js';

const payload = z.strictObject({});

/** Re-seals case fields under the active key after `centinela keys rotate`. Resumable: it only sees what is left. */
export const reencryptFieldsTask: TaskDefinition<z.output<typeof payload>> = {
  name: REENCRYPT_TASK,
  role: 'system',
  payload,
  maxAttempts: 10,
  async run(_payload, { deps }) {
    const n = await reencryptAll(deps);
    await appendAudit(deps, systemActor, { action: 'keys.reencrypt', details: { fields: n } });
  },
};
