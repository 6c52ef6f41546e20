import type { Migration, MigrationProvider } from 'kysely';
import * as identity from './20261122T1900_identity.js';
import * as audit from './20261122T1901_audit.js';
import * as jobs from './20261122T1902_jobs.js';
import * as banks from './20261122T2000_banks.js';
import * as items from './20261122T2010_items.js';
import * as quarantine from './20261122T2030_quarantine.js';
import * as networks from './20261123T0100_networks.js';
import * as cases from './20261123T0400_cases.js';
import * as crawl from './20261123T0200_crawl.js';
import * as hotline from './20261123T0300_hotline.js';

/** Every migration, in order. Names are timestamps so branches merge without renumbering. */
export const migrations: Record<string, Migration> = {
  '20261122T1900_identity': identity,
  '20261122T1901_audit': audit,
  '20261122T1902_jobs': jobs,
  '20261122T2000_banks': banks,
  '20261122T2010_items': items,
  '20261122T2030_quarantine': quarantine,
  '20261123T0100_networks': networks,
  '20261123T0400_cases': cases,
  '20261123T0200_crawl': crawl,
  '20261123T0300_hotline': hotline,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
