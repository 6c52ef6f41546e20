import {
  DEFAULT_LEXICONS,
  DEFAULT_RISK_CONFIG,
  INDICATOR_CATALOG_VERSION,
  score,
  type CountryCode,
  type Entity,
  type ScoreResult,
} from '@centinela/core';
import type { ItemEntityTable, ItemIndicatorTable } from '../db/schema/index.js';
import type { JobQueue } from '../jobs/queue.js';
import { isoNow } from './clock.js';
import { inTransaction, type ServiceDeps } from './deps.js';

export const ANALYZE_ITEM_TASK = 'analyze.item';

/**
 * What produced an item's indicators and score: the catalog, every lexicon and the risk configuration.
 * A new version re-analyses items whose stored version differs; the same version never runs twice.
 */
export const ANALYSIS_VERSION = [
  `catalog@${INDICATOR_CATALOG_VERSION}`,
  ...DEFAULT_LEXICONS.map((l) => `${l.language}@${l.version}`).sort(),
  `risk@${DEFAULT_RISK_CONFIG.version}`,
].join(';');

/** Separates title and text in the analysed string. */
const TITLE_SEPARATOR = '\n\n';

/**
 * The string the analysis reads: the title, a blank line, then the text. Every stored span indexes this
 * string; `textOffset` is where `item.text` starts in it (0 when there is no title).
 */
export function analysisText(item: { title: string | null; text: string }): { text: string; textOffset: number } {
  if (!item.title) return { text: item.text, textOffset: 0 };
  return { text: item.title + TITLE_SEPARATOR + item.text, textOffset: item.title.length + TITLE_SEPARATOR.length };
}

/** One job per item and analysis version: enqueuing again while one is pending or done is a no-op. */
export function analysisJobKey(itemId: string): string {
  return `${ANALYZE_ITEM_TASK}:${itemId}:${ANALYSIS_VERSION}`;
}

/** Queues the analysis of each item; never analyses in the caller's request. */
export async function queueAnalysis(queue: JobQueue, itemIds: readonly string[]): Promise<void> {
  for (const itemId of itemIds) await queue.enqueue(ANALYZE_ITEM_TASK, { itemId }, { jobKey: analysisJobKey(itemId) });
}

/** What the analysis stores besides indicators and entities, as the item's `risk_breakdown` JSON. */
export interface StoredAnalysis {
  breakdown: Array<Omit<ScoreResult['breakdown'][number], 'spans'>>;
  truncated: boolean;
  hiddenCharacters: ScoreResult['hiddenCharacters'];
  lexiconVersions: Record<string, string>;
  configVersion: string;
  languageConfidence: number | null;
}

function entityRow(itemId: string, e: Entity): ItemEntityTable {
  const { type, value, normalized, start, end, ...attributes } = e;
  return { item_id: itemId, type, value, normalized, start, end, attributes: JSON.stringify(attributes) };
}

function indicatorRow(itemId: string, i: ScoreResult['indicators'][number]): ItemIndicatorTable {
  return {
    item_id: itemId,
    indicator_id: i.id,
    category: i.category,
    weight: i.weight,
    evidence: i.evidence,
    label: i.label,
    spans: JSON.stringify(i.spans),
  };
}

const INSERT_CHUNK = 500;

export type AnalysisOutcome = 'analysed' | 'already-current' | 'missing';

/**
 * Scores one item and replaces its indicators, entities and score in one transaction. Idempotent: the update
 * that claims the row only matches while the stored analysis version differs, so a second run (or a concurrent
 * one, which waits on the row lock) changes nothing.
 */
export async function analyseItem(deps: ServiceDeps, itemId: string): Promise<AnalysisOutcome> {
  const item = await deps.db.selectFrom('item').select(['id', 'title', 'text', 'region', 'analysis_version']).where('id', '=', itemId).executeTakeFirst();
  if (!item) return 'missing';
  if (item.analysis_version === ANALYSIS_VERSION) return 'already-current';
  // Pure CPU work, outside the transaction so it never holds a lock.
  const result = score(analysisText(item).text, item.region ? { defaultRegion: item.region as CountryCode } : {});
  const stored: StoredAnalysis = {
    breakdown: result.breakdown.map(({ spans: _spans, ...entry }) => entry),
    truncated: result.truncated,
    hiddenCharacters: result.hiddenCharacters,
    lexiconVersions: result.lexiconVersions,
    configVersion: result.configVersion,
    languageConfidence: result.languageConfidence ?? null,
  };
  return inTransaction(deps, async (tx) => {
    const now = isoNow(tx.clock);
    const claimed = await tx.db
      .updateTable('item')
      .set({
        language: result.language,
        risk_score: result.score,
        risk_breakdown: JSON.stringify(stored),
        analysis_version: ANALYSIS_VERSION,
        analysed_at: now,
        updated_at: now,
      })
      .where('id', '=', itemId)
      .where((eb) => eb.or([eb('analysis_version', 'is', null), eb('analysis_version', '!=', ANALYSIS_VERSION)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return 'already-current';
    await tx.db.deleteFrom('item_indicator').where('item_id', '=', itemId).execute();
    await tx.db.deleteFrom('item_entity').where('item_id', '=', itemId).execute();
    if (result.indicators.length > 0) {
      await tx.db.insertInto('item_indicator').values(result.indicators.map((i) => indicatorRow(itemId, i))).execute();
    }
    // Entities never overlap after core's dedupe; the key check guards the primary key all the same.
    const seen = new Set<string>();
    const entities = result.entities.filter((e) => {
      const key = `${e.start}:${e.type}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    // In chunks: a junk text can hold thousands of entities, more than one statement may bind.
    for (let i = 0; i < entities.length; i += INSERT_CHUNK) {
      await tx.db.insertInto('item_entity').values(entities.slice(i, i + INSERT_CHUNK).map((e) => entityRow(itemId, e))).execute();
    }
    return 'analysed';
  });
}
