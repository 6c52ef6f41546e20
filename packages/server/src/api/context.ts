import type { Access, Principal } from '@centinela/core';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { BlobStore } from '../blobs/blobStore.js';
import type { Config } from '../config/config.js';
import type { Dialect } from '../db/database.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Actor, ServiceDeps } from '../services/deps.js';
import type { User } from '../services/userService.js';

/** Everything an endpoint needs, built once at start-up. */
export interface AppContext {
  config: Config;
  deps: ServiceDeps;
  dialect: Dialect;
  blobs: BlobStore;
  queue: JobQueue;
  /** Directory of the built web UI, when there is one. */
  webDist?: string | undefined;
  version: string;
}

export type ApiApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** One endpoint file registers one route on the app. */
export type Endpoint = (app: ApiApp, ctx: AppContext) => void;

/** A route as registered, with its declared audience: what the access test walks. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RegisteredRoute[];
  }
  interface FastifyContextConfig {
    /** Who may call the route; every route declares it where it is registered. */
    access?: Access;
    /** Public intake that must not keep the caller's address, not even in the audit of a refusal (hotline reports). */
    storesNoIp?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    user: User | null;
    session: { id: string; token: string } | null;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  if (!p) return { type: 'public', id: null, ip: request.ip };
  return p.kind === 'user' ? { type: 'user', id: p.userId, ip: request.ip } : { type: 'apiKey', id: p.apiKeyId, ip: request.ip };
}

/** The signed-in user of a route declared for users only; the access check has already run. */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new Error('route declared for users was reached without one');
  return request.user;
}
