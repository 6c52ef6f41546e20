/**
 * One victim case. `clear_data` is the HTCDS case record (JSON) with every identifying field removed; those are
 * in `sealed_field`, one AES-256-GCM box per field. `version` bumps on every change: a stale write is a conflict.
 */
export interface CaseRecordTable {
  id: string;
  owner_id: string;
  team_id: string | null;
  version: number;
  /** cas_Status. */
  status: string;
  registered_on: string;
  /** CTDC age band on the registration day, kept so statistics never open a birth date. */
  age_band: string;
  clear_data: string;
  /** After this day a closed case is purged. */
  retention_until: string;
  created_at: string;
  updated_at: string;
}

/** A case shared by its owner with another caseworker. */
export interface CaseShareTable {
  case_id: string;
  user_id: string;
  created_by: string;
  created_at: string;
}

/** The event logs of a case (consent, each referral): streams replayed by the core state machines. */
export interface CaseEventTable {
  case_id: string;
  /** `consent` or `referral:<id>`. */
  stream: string;
  /** 1-based position in the stream; unique, so two writers on one version cannot both append. */
  seq: number;
  type: string;
  body: string;
  actor_id: string;
  at: string;
}

/** Every read of a case, shown to its owner. */
export interface CaseAccessTable {
  id: string;
  case_id: string;
  user_id: string | null;
  action: string;
  at: string;
}

/** A case's links to the online side: `item`, `network` or `report` with its id. */
export interface CaseLinkTable {
  case_id: string;
  target_type: string;
  target_id: string;
  created_by: string;
  created_at: string;
}

/** A task or follow-up on a case; its title is free text, sealed in `sealed_field` (record_type `case_task`). */
export interface CaseTaskTable {
  id: string;
  case_id: string;
  /** YYYY-MM-DD. */
  due_on: string;
  status: 'open' | 'done';
  assignee_id: string | null;
  created_by: string;
  created_at: string;
  done_at: string | null;
}
