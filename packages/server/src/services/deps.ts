import type { Config } from '../config/config.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Db } from '../db/database.js';
import type { Clock } from './clock.js';

/** What every service is built from. `db` may be a transaction, so services compose inside one. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  config: Config;
}

/** Who did something, for the audit log. `ip` is the caller's address as the server saw it. */
export interface Actor {
  type: 'user' | 'apiKey' | 'system' | 'public' | 'cli';
  id: string | null;
  ip: string | null;
}

/** How records store who did something (`user:<id>`, `apiKey:<id>`, `cli`…); `actorNames` turns it into a name. */
export const actorLabel = (actor: Actor): string => (actor.id ? `${actor.type}:${actor.id}` : actor.type);

export const systemActor: Actor = { type: 'system', id: null, ip: null };
export const cliActor: Actor = { type: 'cli', id: null, ip: null };

/** Runs `fn` in a transaction, or in the caller's transaction when there already is one. */
export function inTransaction<T>(deps: ServiceDeps, fn: (deps: ServiceDeps) => Promise<T>): Promise<T> {
  if (deps.db.isTransaction) return fn(deps);
  return deps.db.transaction().execute((trx) => fn({ ...deps, db: trx }));
}
