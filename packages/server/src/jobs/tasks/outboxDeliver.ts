import { z } from 'zod';
import { deliverOutboxMessage, OUTBOX_DELIVER_TASK } from '../../outbox/outboxService.js';
import { configuredTransports } from '../../outbox/transports.js';
import { onHotlineMessageSent } from '../../services/hotline/noticeService.js';
import type { TaskDefinition } from '../queue.js';

const payload = z.strictObject({ messageId: z.uuid() });

/**
 * Sends one outbox message (e-mail or webhook). Idempotent: the message is claimed with a lease and marked sent
 * in the database, so a rerun after success sends nothing; a failed send throws so the queue retries with backoff.
 */
export const outboxDeliverTask: TaskDefinition<z.output<typeof payload>> = {
  name: OUTBOX_DELIVER_TASK,
  role: 'notify',
  payload,
  maxAttempts: 8,
  async run({ messageId }, { deps }) {
    const outcome = await deliverOutboxMessage(deps, messageId, { transports: configuredTransports(deps.config), onSent: onHotlineMessageSent });
    if (outcome === 'failed') {
      const row = await deps.db.selectFrom('outbox_message').select('last_error').where('id', '=', messageId).executeTakeFirst();
      throw new Error(`outbox message not delivered: ${row?.last_error ?? 'unknown error'}`);
    }
  },
};
