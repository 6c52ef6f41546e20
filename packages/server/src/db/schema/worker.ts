/** A running worker process and its heartbeat; jobs held by a worker whose heartbeat went stale are released. */
export interface WorkerTable {
  id: string;
  roles: string;
  pid: number;
  hostname: string;
  /** On PostgreSQL, the graphile-worker ids this process runs, so their jobs can be unlocked if it dies. */
  engine_ids: string;
  started_at: string;
  heartbeat_at: string;
  stopped_at: string | null;
}
