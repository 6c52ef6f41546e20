import { hostname } from 'node:os';
import type { ServiceDeps } from '../services/deps.js';
import { isoNow } from '../services/clock.js';
import { uuidv7 } from '../services/ids.js';
import type { WorkerRole } from './queue.js';

/** Keeps this process's row in `worker` fresh, so others can tell a live worker from a dead one. */
export class WorkerRegistration {
  #timer: NodeJS.Timeout | undefined;
  readonly id: string;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly roles: readonly WorkerRole[],
  ) {
    this.id = uuidv7(deps.clock.now().getTime());
  }

  async start(): Promise<void> {
    const now = isoNow(this.deps.clock);
    await this.deps.db
      .insertInto('worker')
      .values({ id: this.id, roles: JSON.stringify(this.roles), pid: process.pid, hostname: hostname(), engine_ids: '[]', started_at: now, heartbeat_at: now, stopped_at: null })
      .execute();
    this.#timer = setInterval(() => void this.beat().catch(() => undefined), this.deps.config.workerHeartbeatSeconds * 1000);
    this.#timer.unref();
  }

  async beat(): Promise<void> {
    await this.deps.db.updateTable('worker').set({ heartbeat_at: isoNow(this.deps.clock) }).where('id', '=', this.id).execute();
  }

  async setEngineIds(ids: string[]): Promise<void> {
    await this.deps.db.updateTable('worker').set({ engine_ids: JSON.stringify(ids) }).where('id', '=', this.id).execute();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.deps.db.updateTable('worker').set({ stopped_at: isoNow(this.deps.clock) }).where('id', '=', this.id).execute();
  }
}

/** Workers that stopped beating without saying goodbye: crashed, killed, or their machine died. */
export async function findDeadWorkers(deps: ServiceDeps): Promise<Array<{ id: string; engineIds: string[] }>> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.workerStaleSeconds * 1000).toISOString();
  const rows = await deps.db.selectFrom('worker').select(['id', 'engine_ids']).where('stopped_at', 'is', null).where('heartbeat_at', '<', cutoff).execute();
  return rows.map((r) => ({ id: r.id, engineIds: JSON.parse(r.engine_ids) as string[] }));
}

export async function markWorkersDead(deps: ServiceDeps, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await deps.db.updateTable('worker').set({ stopped_at: isoNow(deps.clock) }).where('id', 'in', ids).execute();
}
