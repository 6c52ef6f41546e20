import type { ItemTable } from '../db/schema/index.js';
import type { ItemSource } from '../db/schema/item.js';
import type { JobQueue } from '../jobs/queue.js';
import { appendAudit } from './auditService.js';
import { isoNow } from './clock.js';
import { actorLabel, inTransaction, type Actor, type ServiceDeps } from './deps.js';
import { uuidv7 } from './ids.js';
import { currentAnalysisVersion, queueAnalysis } from './itemAnalysis.js';
import { parseItem, type NewItem } from './itemInput.js';

/** Largest batch one call ingests (POST /api/v1/items; the CLI import sends batches of this size). */
export const MAX_INGEST_BATCH = 1000;

export interface InvalidEntry {
  index: number;
  reason: string;
}

export interface IngestCounts {
  received: number;
  created: number;
  unchanged: number;
  invalid: InvalidEntry[];
  /** Each stored entry's item id, by its position in the batch, so callers can refer to what they sent. */
  items: Array<{ index: number; id: string; status: 'created' | 'unchanged' }>;
}

export interface IngestOptions {
  /** Source of entries that name none. */
  defaultSource: ItemSource;
  /** Overrides every entry's source (partners always ingest as `partner`). */
  forcedSource?: ItemSource | undefined;
}


/**
 * Stores the valid entries of a batch in one transaction and returns the ids that need analysis.
 *
 * Idempotent by (source, url, content hash): the same capture again is `unchanged` and writes nothing. A changed
 * text at a known URL is a NEW row whose `previous_id` is the latest earlier version, because the earlier capture
 * is evidence and must not be overwritten. Unchanged items whose analysis is missing or outdated are returned for
 * analysis too, so a lost enqueue heals on the next import (the job key makes it a no-op otherwise).
 */
export async function ingestItems(
  deps: ServiceDeps,
  actor: Actor,
  entries: readonly unknown[],
  opts: IngestOptions,
): Promise<{ counts: IngestCounts; toAnalyse: string[] }> {
  const invalid: InvalidEntry[] = [];
  const valid: Array<{ index: number; item: NewItem }> = [];
  entries.forEach((entry, index) => {
    const parsed = parseItem(entry, opts);
    if (parsed.ok) valid.push({ index, item: parsed.item });
    else invalid.push({ index, reason: parsed.reason });
  });
  const version = currentAnalysisVersion(deps);
  return inTransaction(deps, async (tx) => {
    const toAnalyse: string[] = [];
    const stored: IngestCounts['items'] = [];
    let created = 0;
    for (const { index, item } of valid) {
      const findExisting = () =>
        tx.db
          .selectFrom('item')
          .select(['id', 'analysis_version'])
          .where('source', '=', item.source)
          .where('url', '=', item.url)
          .where('content_hash', '=', item.contentHash)
          .executeTakeFirst();
      const existing = await findExisting();
      if (existing) {
        if (existing.analysis_version !== version) toAnalyse.push(existing.id);
        stored.push({ index, id: existing.id, status: 'unchanged' });
        continue;
      }
      const id = await insertItem(tx, actor, item);
      if (id) {
        created++;
        toAnalyse.push(id);
        stored.push({ index, id, status: 'created' });
      } else {
        // A concurrent ingest stored the same capture first: it is the one this entry names.
        const winner = await findExisting();
        if (winner) stored.push({ index, id: winner.id, status: 'unchanged' });
      }
    }
    const counts: IngestCounts = { received: entries.length, created, unchanged: valid.length - created, invalid, items: stored };
    await appendAudit(tx, actor, {
      action: 'item.ingest',
      details: { source: opts.forcedSource ?? opts.defaultSource, received: counts.received, created, unchanged: counts.unchanged, invalid: invalid.length },
    });
    return { counts, toAnalyse: [...new Set(toAnalyse)] };
  });
}

/** Inserts one capture; null when a concurrent ingest stored the same one first. */
async function insertItem(deps: ServiceDeps, actor: Actor, item: NewItem): Promise<string | null> {
  const now = isoNow(deps.clock);
  const previous = item.url
    ? await deps.db
        .selectFrom('item')
        .select('id')
        .where('source', '=', item.source)
        .where('url', '=', item.url)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const row: ItemTable = {
    id: uuidv7(deps.clock.now().getTime()),
    source: item.source,
    url: item.url,
    site: item.site,
    title: item.title,
    text: item.text,
    posted_at: item.postedAt,
    captured_at: item.capturedAt ?? now,
    location_text: item.locationText,
    price_text: item.priceText,
    media_refs: JSON.stringify(item.mediaRefs),
    raw_capture_ref: item.rawCaptureRef,
    content_hash: item.contentHash,
    region: item.region,
    ingested_by: actorLabel(actor),
    previous_id: previous?.id ?? null,
    language: null,
    risk_score: null,
    risk_breakdown: null,
    analysis_version: null,
    analysed_at: null,
    created_at: now,
    updated_at: now,
  };
  const result = await deps.db
    .insertInto('item')
    .values(row)
    .onConflict((oc) => oc.columns(['source', 'url', 'content_hash']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? row.id : null;
}

/** Ingests a batch, then queues the analysis of every new or changed item (after the commit: never inside it). */
export async function ingestAndQueue(
  deps: ServiceDeps,
  queue: JobQueue,
  actor: Actor,
  entries: readonly unknown[],
  opts: IngestOptions,
): Promise<IngestCounts> {
  const { counts, toAnalyse } = await ingestItems(deps, actor, entries, opts);
  await queueAnalysis(queue, toAnalyse, currentAnalysisVersion(deps));
  return counts;
}
