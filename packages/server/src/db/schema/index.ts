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
import type { CrawlCaptureTable } from './crawlCapture.js';
import type { CrawlFrontierTable } from './crawlFrontier.js';
import type { CrawlHostTable } from './crawlHost.js';
import type { CrawlMediaTable } from './crawlMedia.js';
import type { CrawlPageTable } from './crawlPage.js';
import type { CrawlProfileTable } from './crawlProfile.js';
import type { CrawlRunTable } from './crawlRun.js';

export type { HashBankEntryTable, HashBankTable, HashBankVersionTable, QuarantinedMediaTable };
export type { ItemEntityTable, ItemIndicatorTable, ItemTable };
export type { CrawlCaptureTable, CrawlFrontierTable, CrawlHostTable, CrawlMediaTable, CrawlPageTable, CrawlProfileTable, CrawlRunTable };
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
  crawl_profile: CrawlProfileTable;
  crawl_run: CrawlRunTable;
  crawl_frontier: CrawlFrontierTable;
  crawl_host: CrawlHostTable;
  crawl_page: CrawlPageTable;
  crawl_capture: CrawlCaptureTable;
  crawl_media: CrawlMediaTable;
}
