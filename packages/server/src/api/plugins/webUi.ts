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
    await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: false, index: ['index.html'], maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/healthz';
    if (hasUi && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, 404, 'not_found', `no route for ${request.method} ${request.url.split('?')[0]}`);
  });
}
