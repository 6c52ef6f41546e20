import { decideAccess, type Access } from '@centinela/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateApiKey } from '../../services/apiKeyService.js';
import { csrfTokenMatches, resolveSession } from '../../services/sessionService.js';
import type { ApiApp, AppContext } from '../context.js';
import { sendProblem } from './errors.js';

export const SESSION_COOKIE = 'centinela_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling (session cookie or bearer API key) and enforces the route's declared access
 * before the body is even parsed, then the CSRF token for state-changing requests made with a cookie.
 */
export function registerAuthentication(app: ApiApp, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access: Access | undefined = request.routeOptions.config.access;
    // Unmatched URLs go to the not-found handler; public routes (health, sign-in, UI files) need no caller.
    if (!access || 'public' in access) return;

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const key = bearer ? await authenticateApiKey(ctx.deps, bearer) : null;
      if (!key) return sendProblem(reply, 401, 'auth.invalid_api_key', 'the API key is malformed, unknown or revoked');
      request.principal = { kind: 'apiKey', apiKeyId: key.id, scopes: key.scopes };
    } else {
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await resolveSession(ctx.deps, token) : null;
      if (session && token) {
        request.principal = { kind: 'user', userId: session.user.id, roles: session.user.roles };
        request.user = session.user;
        request.session = { id: session.sessionId, token };
      }
    }

    const decision = decideAccess(access, request.principal);
    if (!decision.allowed) {
      const detail = decision.status === 401 ? 'sign in or present an API key' : 'your role does not allow this';
      return sendProblem(reply, decision.status, decision.code, detail);
    }
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const presented = request.headers[CSRF_HEADER];
      if (typeof presented !== 'string' || !csrfTokenMatches(ctx.deps, request.session.token, presented)) {
        return sendProblem(reply, 403, 'auth.csrf', `state-changing requests need the ${CSRF_HEADER} header from the session`);
      }
    }
  });
}
