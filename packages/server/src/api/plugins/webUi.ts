import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { ApiApp, AppContext } from '../context.js';
import { sendProblem } from './errors.js';

/** Serves the built React UI, with index.html for client-side routes; API paths get problem+json 404s. */
export async function registerWebUi(app: ApiApp, ctx: AppContext): Promise<void> {
  const dist = ctx.webDist;
  const hasUi = dist !== undefined && existsSync(path.join(dist, 'index.html'));
  if (hasUi) {
    // Files are looked up per request, so a rebuilt UI is served without a restart.
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res, file) => {
        // Hashed asset names never change content; index.html must be re-checked so upgrades show at once.
        res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/healthz';
    const isAsset = request.url.startsWith('/assets/');
    if (hasUi && !isApi && !isAsset && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, 404, 'not_found', `no route for ${request.method} ${request.url.split('?')[0]}`);
  });
}
