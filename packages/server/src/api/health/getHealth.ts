import { sql } from 'kysely';
import { z } from 'zod';
import type { Endpoint } from '../context.js';

export const getHealth: Endpoint = (app, ctx) => {
  app.get(
    '/healthz',
    {
      config: { access: { public: true, reason: 'liveness probe for operators and load balancers' } },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['sqlite', 'postgres']) }), 503: z.object({ status: z.literal('unavailable') }) },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(ctx.deps.db);
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
      return { status: 'ok' as const, version: ctx.version, database: ctx.dialect };
    },
  );
};
