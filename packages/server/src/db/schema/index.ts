import type { ApiKeyTable } from './apiKey.js';
import type { AppUserTable } from './appUser.js';
import type { AuditHeadTable, AuditLogTable } from './auditLog.js';
import type { HashBankTable } from './hashBank.js';
import type { HashBankEntryTable } from './hashBankEntry.js';
import type { HashBankVersionTable } from './hashBankVersion.js';
import type { ItemTable } from './item.js';
import type { ItemEntityTable } from './itemEntity.js';
import type { ItemIndicatorTable } from './itemIndicator.js';
import type { JobTable } from './job.js';
import type { JobProbeTable } from './jobProbe.js';
import type { QuarantinedMediaTable } from './quarantinedMedia.js';
import type { SessionTable } from './session.js';
import type { WorkerTable } from './worker.js';
import type { CaseAccessTable, CaseEventTable, CaseLinkTable, CaseRecordTable, CaseShareTable, CaseTaskTable } from './caseRecord.js';
import type { CaseReferralTable } from './caseReferral.js';
import type { FieldKeyTable, SealedFieldTable } from './sealedField.js';
import type { OrganisationMemberTable, ServiceOrganisationTable } from './serviceOrganisation.js';
import type { StatsPublicationTable } from './statsPublication.js';
import type { TeamMemberTable, TeamTable } from './team.js';

export type { HashBankEntryTable, HashBankTable, HashBankVersionTable, QuarantinedMediaTable };
export type { ItemEntityTable, ItemIndicatorTable, ItemTable };
export type { CaseAccessTable, CaseEventTable, CaseLinkTable, CaseRecordTable, CaseReferralTable, CaseShareTable, CaseTaskTable, FieldKeyTable, OrganisationMemberTable, SealedFieldTable, ServiceOrganisationTable, StatsPublicationTable, TeamMemberTable, TeamTable };
export type { ApiKeyTable, AppUserTable, AuditHeadTable, AuditLogTable, JobProbeTable, JobTable, SessionTable, WorkerTable };

/** The whole schema as Kysely sees it. Times are ISO 8601 UTC text, booleans 0/1, JSON as text: one schema for SQLite and PostgreSQL. */
export interface Database {
  app_user: AppUserTable;
  session: SessionTable;
  api_key: ApiKeyTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  job: JobTable;
  worker: WorkerTable;
  job_probe: JobProbeTable;
  hash_bank: HashBankTable;
  hash_bank_entry: HashBankEntryTable;
  hash_bank_version: HashBankVersionTable;
  quarantined_media: QuarantinedMediaTable;
  item: ItemTable;
  item_indicator: ItemIndicatorTable;
  item_entity: ItemEntityTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  service_organisation: ServiceOrganisationTable;
  organisation_member: OrganisationMemberTable;
  case_record: CaseRecordTable;
  sealed_field: SealedFieldTable;
  field_key: FieldKeyTable;
  case_share: CaseShareTable;
  case_event: CaseEventTable;
  case_referral: CaseReferralTable;
  case_access: CaseAccessTable;
  case_link: CaseLinkTable;
  case_task: CaseTaskTable;
  stats_publication: StatsPublicationTable;
}
