import path from 'node:path';
import type { ServiceDeps } from '../services/deps.js';
import { BlobStore } from './blobStore.js';

/** The blob store of a configuration, as `openRuntime` builds it, for code that runs with ServiceDeps only (tasks). */
export function blobStoreFor(deps: Pick<ServiceDeps, 'config' | 'keyring'>): BlobStore {
  return new BlobStore(path.join(deps.config.dataDir, 'blobs'), deps.keyring.derive('blob-store'));
}
