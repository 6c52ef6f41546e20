import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlobStore } from './blobs/blobStore.js';
import { blobStoreFor } from './blobs/blobStoreFor.js';
import type { Config } from './config/config.js';
import { Keyring } from './crypto/keyring.js';
import { loadMasterKey, type MasterKey } from './crypto/masterKey.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.js';
import { GraphileJobQueue } from './jobs/graphileQueue.js';
import { closeFetchers } from './net/safeFetch.js';
import { closeRenderer } from './services/crawl/render.js';
import type { JobQueue } from './jobs/queue.js';
import { SqlJobQueue } from './jobs/sqliteQueue.js';
import { systemClock, type Clock } from './services/clock.js';
import type { ServiceDeps } from './services/deps.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export const VERSION: string = (JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8')) as { version: string }).version;

/** The built web UI, next to the server package in the workspace. */
export const WEB_DIST = path.resolve(here, '..', '..', 'web', 'dist');

/** Everything with I/O that commands and the server share: database, keys, blobs, queue. */
export interface Runtime {
  config: Config;
  database: DatabaseHandle;
  deps: ServiceDeps;
  blobs: BlobStore;
  queue: JobQueue;
  masterKey: MasterKey;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, opts: { migrate?: boolean; clock?: Clock } = {}): Promise<Runtime> {
  const masterKey = loadMasterKey(config.secretKey, config.dataDir);
  const keyring = new Keyring(masterKey.key);
  const database = openDatabase(config);
  try {
    if (opts.migrate !== false) await migrateToLatest(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  const deps: ServiceDeps = { db: database.db, clock: opts.clock ?? systemClock, keyring, config };
  const blobs = blobStoreFor({ config, keyring });
  const queue: JobQueue = config.databaseUrl ? new GraphileJobQueue(deps, config.databaseUrl) : new SqlJobQueue(deps);
  return {
    config,
    database,
    deps,
    blobs,
    queue,
    masterKey,
    close: async () => {
      await queue.close();
      // The crawler's connection pools and browser, if this process crawled: they would keep it alive.
      await closeFetchers();
      await closeRenderer();
      await database.close();
    },
  };
}
