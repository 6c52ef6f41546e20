import { isMediaError, PDQ_MIN_QUALITY } from '@centinela/core';
import { analyzeImageFile } from '../../media/hashImageFile.js';
import { appendAudit } from '../auditService.js';
import { isoNow } from '../clock.js';
import { systemActor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { reportFromSignals } from '../hotline/autoReport.js';
import { matcherFor, matchImages, type QueryResult } from '../matchService.js';
import { NETWORK_UPDATE_TASK } from '../networkService.js';
import { enqueueInDb } from '../../jobs/enqueueInDb.js';

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
      if (hashes) await linkImageToItem(tx, itemId, hashes);
      if (matches.length > 0) {
        await appendAudit(tx, systemActor, {
          action: 'crawl.media_match',
          target: { type: 'item', id: itemId },
          details: { media: id, matches: matches.length, banks: [...new Set(matches.map((m) => m.bankId))].length },
        });
        // A known image is a strong signal: the item goes to the hotline's review queue (once per item).
        const best = result!.matches.reduce((a, b) => (b.distance < a.distance ? b : a));
        const item = await tx.db.selectFrom('item').select('url').where('id', '=', itemId).executeTakeFirst();
        await reportFromSignals(tx, { url: item?.url ?? url, itemId, bankMatch: { bank: best.bank, distance: best.distance, signalType: best.signalType } });
      }
    },
  };
}

/**
 * The image's hashes join the item's media refs (`sha256:`, and `pdq:` when the hash is good enough to match), so
 * the link graph connects ads that share a photo. The item's network update is queued again under a key of its own
 * (its analysis, and the update that follows it, may already have run), rather than run here: it takes the graph's
 * lock, which the crawl's transaction would hold until it commits.
 */
async function linkImageToItem(tx: ServiceDeps, itemId: string, hashes: { sha256: string; pdq: string; quality: number }): Promise<void> {
  const row = await tx.db.selectFrom('item').select('media_refs').where('id', '=', itemId).executeTakeFirst();
  if (!row) return;
  const refs = JSON.parse(row.media_refs) as string[];
  const add = [`sha256:${hashes.sha256}`, ...(hashes.quality >= PDQ_MIN_QUALITY ? [`pdq:${hashes.pdq}`] : [])].filter((r) => !refs.includes(r));
  if (add.length === 0) return;
  await tx.db.updateTable('item').set({ media_refs: JSON.stringify([...refs, ...add]) }).where('id', '=', itemId).execute();
  await enqueueInDb(tx, NETWORK_UPDATE_TASK, { itemId }, { jobKey: `${NETWORK_UPDATE_TASK}:${itemId}:media:${hashes.sha256}` });
}
