import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../../services/auditService.js';
import { actorOf, type ApiApp, type AppContext } from '../context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Requests whose refusal the service already audited (a failed sign-in, with its reason): one entry, not two.
const recordedRefusals = new WeakSet<FastifyRequest>();

export function refusalAlreadyAudited(request: FastifyRequest): void {
  recordedRefusals.add(request);
}

/**
 * Successful changes are audited by their service inside the same transaction. This hook records the
 * state-changing requests that were refused or failed, so attempts leave a trace too.
 */
export function registerRequestAudit(app: ApiApp, ctx: AppContext): void {
  // onSend, not onResponse: the entry is written before the caller hears the answer.
  app.addHook('onSend', async (request, reply, payload) => {
    if (SAFE_METHODS.has(request.method) || reply.statusCode < 400 || recordedRefusals.has(request)) return payload;
    const route = request.routeOptions.url ?? 'unmatched';
    try {
      const actor = request.routeOptions.config?.storesNoIp ? { ...actorOf(request), ip: null } : actorOf(request);
      await appendAudit(ctx.deps, actor, {
        action: 'http.rejected',
        outcome: reply.statusCode === 401 || reply.statusCode === 403 ? 'denied' : 'failure',
        details: { method: request.method, route, status: reply.statusCode },
      });
    } catch (err) {
      request.log.error({ err }, 'could not write the audit entry of a refused request');
    }
    return payload;
  });
}
