import type { BlobStore } from '../blobs/blobStore.js';
import { appendAudit } from './auditService.js';
import { isoNow } from './clock.js';
import { actorLabel, inTransaction, type Actor, type ServiceDeps } from './deps.js';
import { uuidv7 } from './ids.js';
import type { MatchHit } from './loadedBank.js';

/**
 * Uploads are never stored, except when they match a bank that asks for quarantine: then the bytes
 * are sealed in the blob store (AES-256-GCM) and a row per matching entry says why they were kept.
 * Returns whether the upload was kept.
 */
export async function quarantineIfAsked(
  deps: ServiceDeps,
  blobs: BlobStore,
  actor: Actor,
  upload: { bytes: Uint8Array; sha256: string },
  hits: readonly MatchHit[],
): Promise<boolean> {
  if (hits.length === 0) return false;
  const bankIds = [...new Set(hits.map((h) => h.bankId))];
  const asking = await deps.db
    .selectFrom('hash_bank')
    .select('id')
    .where('id', 'in', bankIds)
    .where('quarantine_on_match', '=', 1)
    .execute();
  const keep = hits.filter((h) => asking.some((b) => b.id === h.bankId));
  if (keep.length === 0) return false;
  // The blob first: a row never points at bytes that are not there. Content addressing makes a retry harmless.
  const stored = await blobs.put(Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength));
  await inTransaction(deps, async (tx) => {
    const now = isoNow(tx.clock);
    for (const hit of keep) {
      await tx.db
        .insertInto('quarantined_media')
        .values({
          id: uuidv7(tx.clock.now().getTime()),
          sha256: stored.sha256,
          size: stored.size,
          bank_id: hit.bankId,
          entry_id: hit.entryId,
          distance: hit.distance,
          submitted_by: actorLabel(actor),
          created_at: now,
        })
        .execute();
    }
    await appendAudit(tx, actor, { action: 'media.quarantine', target: { type: 'blob', id: stored.sha256 }, details: { banks: bankIds.length, entries: keep.length } });
  });
  return true;
}
