/** The embedded (SQLite) job queue. On PostgreSQL graphile-worker keeps its own tables. */
export interface JobTable {
  id: string;
  task: string;
  payload: string;
  job_key: string | null;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_at: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}
