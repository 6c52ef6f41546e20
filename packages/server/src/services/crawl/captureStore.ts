import type { BlobStore } from '../../blobs/blobStore.js';
import type { CrawlCaptureTable } from '../../db/schema/index.js';
import type { HttpExchange } from '../../net/safeFetch.js';
import { VERSION } from '../../version.js';
import { appendAudit } from '../auditService.js';
import { inTransaction, systemActor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { sha256Hex } from '../../auth/tokens.js';
import { buildWarc } from './warc.js';

export interface CaptureMeta {
  kind: 'page' | 'image' | 'robots' | 'sitemap' | 'recheck';
  url: string;
  runId: string | null;
  profile: { id: string; name: string; version: number } | null;
  itemId?: string | null;
}

export const CRAWLER_SOFTWARE = `Centinela/${VERSION}`;

/** The WARC bytes of a capture, sealed in the blob store first (content addressing makes a retry harmless). */
export async function sealWarc(blobs: BlobStore, exchanges: readonly HttpExchange[], meta: CaptureMeta, capturedAt: Date): Promise<{ sha256: string; size: number }> {
  const warc = buildWarc(exchanges, { software: CRAWLER_SOFTWARE, profile: meta.profile?.name ?? null, profileVersion: meta.profile?.version ?? null, runId: meta.runId, kind: meta.kind }, capturedAt);
  const { sha256, size } = await blobs.put(warc);
  return { sha256, size };
}

/**
 * Records one capture (the WARC already sealed) and its chain-of-custody entry, in the caller's transaction, so
 * a capture exists exactly when the work it belongs to is recorded as done.
 */
export async function recordCapture(
  deps: ServiceDeps,
  warc: { sha256: string; size: number },
  exchanges: readonly HttpExchange[],
  meta: CaptureMeta,
  capturedAt: Date,
): Promise<CrawlCaptureTable> {
  const last = exchanges.at(-1);
  const contentType = last?.responseHeaders.find(([k]) => k.toLowerCase() === 'content-type')?.[1]?.split(';')[0]?.trim().toLowerCase() ?? null;
  const row: CrawlCaptureTable = {
    id: uuidv7(capturedAt.getTime()),
    run_id: meta.runId,
    profile_id: meta.profile?.id ?? null,
    profile_version: meta.profile?.version ?? null,
    kind: meta.kind,
    url: meta.url,
    final_url: last?.url ?? meta.url,
    http_status: last?.status ?? null,
    content_type: contentType,
    warc_sha256: warc.sha256,
    warc_size: warc.size,
    payload_sha256: last ? sha256Hex(last.body) : null,
    item_id: meta.itemId ?? null,
    crawler_version: CRAWLER_SOFTWARE,
    captured_at: capturedAt.toISOString(),
  };
  await inTransaction(deps, async (tx) => {
    await tx.db.insertInto('crawl_capture').values(row).execute();
    await appendAudit(tx, systemActor, {
      action: 'evidence.capture',
      target: { type: 'crawl_capture', id: row.id },
      details: { kind: row.kind, httpStatus: row.http_status, warcBytes: row.warc_size, run: row.run_id, exchanges: exchanges.length },
    });
  });
  return row;
}
