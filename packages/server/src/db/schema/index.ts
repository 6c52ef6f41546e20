import type { ApiKeyTable } from './apiKey.js';
import type { AuthorityReportTable } from './authorityReport.js';
import type { HotlineCheckTable } from './hotlineCheck.js';
import type { HotlineDecisionTable } from './hotlineDecision.js';
import type { HotlineEventTable } from './hotlineEvent.js';
import type { HotlineMediaTable } from './hotlineMedia.js';
import type { HotlineNoticeTable } from './hotlineNotice.js';
import type { HotlineProviderTable } from './hotlineProvider.js';
import type { HotlineReportTable } from './hotlineReport.js';
import type { HotlineSubjectTable } from './hotlineSubject.js';
import type { OutboxMessageTable } from './outboxMessage.js';
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

export type { HashBankEntryTable, HashBankTable, HashBankVersionTable, QuarantinedMediaTable };
export type { ItemEntityTable, ItemIndicatorTable, ItemTable };
export type { AuthorityReportTable, HotlineCheckTable, HotlineDecisionTable, HotlineEventTable, HotlineMediaTable, HotlineNoticeTable, HotlineProviderTable, HotlineReportTable, HotlineSubjectTable, OutboxMessageTable };
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
  hotline_subject: HotlineSubjectTable;
  hotline_report: HotlineReportTable;
  hotline_media: HotlineMediaTable;
  hotline_event: HotlineEventTable;
  hotline_decision: HotlineDecisionTable;
  hotline_provider: HotlineProviderTable;
  hotline_notice: HotlineNoticeTable;
  hotline_check: HotlineCheckTable;
  authority_report: AuthorityReportTable;
  outbox_message: OutboxMessageTable;
}
