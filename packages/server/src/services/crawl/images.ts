import { isMediaError } from '@centinela/core';
import { analyzeImageFile } from '../../media/hashImageFile.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { systemActor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { matcherFor, matchImages, type QueryResult } from '../matchService.js';

/** Pixels kept under this when hashing crawled images (a decompression bomb is refused from its header). */
const MAX_IMAGE_PIXELS = 40_000_000;

export interface ImageOutcome {
  /** Writes the hashes and the match result, in the caller's transaction. */
  record(deps: ServiceDeps, where: { itemId: string; captureId: string; url: string }): Promise<void>;
}

/**
 * An image from a crawled ad: decoded (sharp) → PDQ → matched against every enabled bank (the process's in-memory
 * matcher). Only hashes, bank entry ids and distances are stored; the bytes are in the sealed WARC, nowhere else.
 */
export async function processImage(deps: ServiceDeps, bytes: Buffer): Promise<ImageOutcome> {
  let hashes: Awaited<ReturnType<typeof analyzeImageFile>> | null = null;
  let result: QueryResult | null = null;
  try {
    hashes = await analyzeImageFile(bytes, { maxPixels: MAX_IMAGE_PIXELS });
    result = (await matchImages(matcherFor(deps), [hashes], { dihedral: true }))[0] ?? null;
  } catch (err) {
    if (!isMediaError(err)) throw err;
  }
  return {
    async record(tx, { itemId, captureId, url }) {
      const matches = result?.matches.map((m) => ({ bankId: m.bankId, entryId: m.entryId, distance: m.distance })) ?? [];
      const id = uuidv7(tx.clock.now().getTime());
      await tx.db
        .insertInto('crawl_media')
        .values({
          id,
          item_id: itemId,
          capture_id: captureId,
          url,
          sha256: hashes?.sha256 ?? '',
          pdq: hashes?.pdq ?? null,
          quality: hashes?.quality ?? null,
          match_status: hashes ? result!.status : 'undecodable',
          matches: JSON.stringify(matches),
          created_at: isoNow(tx.clock),
        })
        .onConflict((oc) => oc.columns(['item_id', 'capture_id']).doNothing())
        .execute();
      if (matches.length > 0) {
        await appendAudit(tx, systemActor, {
          action: 'crawl.media_match',
          target: { type: 'item', id: itemId },
          details: { media: id, matches: matches.length, banks: [...new Set(matches.map((m) => m.bankId))].length },
        });
      }
    },
  };
}
