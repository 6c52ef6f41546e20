import cookie from '@fastify/cookie';
import type { Access } from '@centinela/core';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiApp, AppContext, RegisteredRoute } from './context.js';
import { registerAuthentication } from './plugins/authentication.js';
import { registerDocs } from './plugins/docs.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerRequestAudit } from './plugins/requestAudit.js';
import { registerSecurityHeaders } from './plugins/security.js';
import { registerWebUi } from './plugins/webUi.js';
import { endpoints } from './routes.js';

/**
 * Routes registered by plugins rather than by our endpoint files (API docs, static UI files).
 * They are public, and listed here so that nothing becomes public by accident.
 */
const PLUGIN_ROUTES_PUBLIC: Array<{ test: (url: string) => boolean; reason: string }> = [
  { test: (url) => url === '/api/docs' || url.startsWith('/api/docs/'), reason: 'interactive API documentation' },
  { test: (url) => !url.startsWith('/api/') && url !== '/healthz', reason: 'static files of the web UI' },
];

/** Logs carry the method, path and status, never query strings, bodies, cookies or keys. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export async function buildApp(ctx: AppContext, opts: { logger?: FastifyServerOptions['logger'] } = {}): Promise<ApiApp> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Fail closed: a route without a declared audience cannot be registered.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    let access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) {
      const listed = PLUGIN_ROUTES_PUBLIC.find((p) => p.test(route.url));
      if (!listed) throw new Error(`route ${route.method} ${route.url} does not declare who may call it`);
      access = { public: true, reason: listed.reason };
      route.config = { ...(route.config ?? {}), access };
    }
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, access });
  });

  await app.register(cookie);
  registerErrorHandling(app);
  await registerSecurityHeaders(app);
  registerAuthentication(app, ctx);
  registerRequestAudit(app, ctx);
  await registerDocs(app, ctx);
  for (const endpoint of endpoints) endpoint(app, ctx);
  await registerWebUi(app, ctx);
  await app.ready();
  return app;
}
