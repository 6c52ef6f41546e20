import { z } from 'zod';
import { OUTBOX_DELIVER_TASK } from '../../outbox/outboxService.js';
import { queueNotice } from '../../services/hotline/noticeService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';

export const postNoticeEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/subjects/:id/notices',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: {
        tags: ['hotline'],
        summary:
          'Send the next notice round to the hosting provider (from the directory by domain or IP range, or `providerId`), by e-mail or webhook through the outbox. Re-sent automatically every CENTINELA_RENOTICE_HOURS until the URL is verified gone.',
        params: idParams,
        body: z.strictObject({ providerId: z.uuid().optional(), channel: z.enum(['email', 'webhook']).optional(), language: z.enum(['es', 'en']).optional() }).nullish(),
        response: {
          201: z.object({ noticeId: z.string(), outboxId: z.string(), round: z.number().int(), providerId: z.string(), channel: z.enum(['email', 'webhook']) }),
          ...commonErrors,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const queued = await queueNotice(ctx.deps, actorOf(request), request.params.id, request.body ?? {});
      // The delivery runs in a worker; the sweep also picks up anything left pending.
      await ctx.queue.enqueue(OUTBOX_DELIVER_TASK, { messageId: queued.outboxId }, { jobKey: `${OUTBOX_DELIVER_TASK}:${queued.outboxId}` });
      return reply.code(201).send(queued);
    },
  );
};
