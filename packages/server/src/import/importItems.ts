import type { ItemSource } from '../db/schema/item.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Actor, ServiceDeps } from '../services/deps.js';
import { currentAnalysisVersion, queueAnalysis } from '../services/itemAnalysis.js';
import { ingestItems } from '../services/itemService.js';
import type { ImportRecord } from './itemRecords.js';

/** Entries per transaction: big enough to be fast, small enough that memory stays flat on any file size. */
export const IMPORT_BATCH = 500;

export interface ImportTotals {
  /** Entries read from the file (malformed ones included). */
  read: number;
  created: number;
  unchanged: number;
  invalid: number;
}

export interface ImportOptions {
  /** Source of every entry; without it entries may name their own, and default to `import`. */
  source?: ItemSource | undefined;
  /** Default phone region for entries that name none. */
  region?: string | undefined;
  /** Called for every malformed or invalid entry, in file order. */
  onInvalid(line: number, reason: string): void;
}

/**
 * Imports records batch by batch: each batch is one transaction, so a crash loses at most the batch in flight,
 * and importing the file again completes it without duplicates. Analysis is queued after each commit.
 */
export async function importItems(deps: ServiceDeps, queue: JobQueue, actor: Actor, records: AsyncIterable<ImportRecord>, opts: ImportOptions): Promise<ImportTotals> {
  const totals: ImportTotals = { read: 0, created: 0, unchanged: 0, invalid: 0 };
  let batch: Array<{ line: number; entry: Record<string, unknown> }> = [];
  let problems: Array<{ line: number; reason: string }> = [];
  const flush = async () => {
    if (batch.length > 0) {
      const entries = batch.map((b) => (opts.region && b.entry.region === undefined ? { ...b.entry, region: opts.region } : b.entry));
      const { counts, toAnalyse } = await ingestItems(deps, actor, entries, { defaultSource: opts.source ?? 'import', forcedSource: opts.source });
      for (const bad of counts.invalid) problems.push({ line: batch[bad.index]!.line, reason: bad.reason });
      totals.created += counts.created;
      totals.unchanged += counts.unchanged;
      await queueAnalysis(queue, toAnalyse, currentAnalysisVersion(deps));
    }
    // Unreadable lines and invalid entries come out together, in file order.
    problems.sort((a, b) => a.line - b.line);
    for (const p of problems) opts.onInvalid(p.line, p.reason);
    totals.invalid += problems.length;
    batch = [];
    problems = [];
  };
  for await (const record of records) {
    totals.read++;
    if ('error' in record) problems.push({ line: record.line, reason: record.error });
    else batch.push(record);
    if (batch.length + problems.length >= IMPORT_BATCH) await flush();
  }
  await flush();
  return totals;
}
