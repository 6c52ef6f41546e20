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
import type { ClusterBandTable, ClusterSketchTable } from './clusterSketch.js';
import type { TemplateClusterTable } from './templateCluster.js';
import type { NetworkHubTable, NetworkItemTable, NetworkLinkTable, NetworkPdqTable, NetworkTable } from './network.js';

export type { HashBankEntryTable, HashBankTable, HashBankVersionTable, QuarantinedMediaTable };
export type { ItemEntityTable, ItemIndicatorTable, ItemTable };
export type { ClusterBandTable, ClusterSketchTable, NetworkHubTable, NetworkItemTable, NetworkLinkTable, NetworkPdqTable, NetworkTable, TemplateClusterTable };
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
  cluster_sketch: ClusterSketchTable;
  cluster_band: ClusterBandTable;
  template_cluster: TemplateClusterTable;
  network: NetworkTable;
  network_item: NetworkItemTable;
  network_link: NetworkLinkTable;
  network_hub: NetworkHubTable;
  network_pdq: NetworkPdqTable;
}
