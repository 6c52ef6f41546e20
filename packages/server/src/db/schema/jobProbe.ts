/** Effects of the `system.probe` task: one row per probe token, however often the job is retried. */
export interface JobProbeTable {
  token: string;
  job_id: string;
  worker_id: string;
  done_at: string;
}
