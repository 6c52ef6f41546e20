import {
  canonicalJson,
  DEFAULT_LEXICONS,
  DEFAULT_RISK_CONFIG,
  INDICATOR_CATALOG_VERSION,
  score,
  type CountryCode,
  type RiskConfig,
  type Entity,
  type JsonValue,
  type ScoreResult,
} from '@centinela/core';
import { createHash } from 'node:crypto';
import type { ItemEntityTable, ItemIndicatorTable } from '../db/schema/index.js';
import type { JobQueue } from '../jobs/queue.js';
import { isoNow } from './clock.js';
import { inTransaction, type ServiceDeps } from './deps.js';

export const ANALYZE_ITEM_TASK = 'analyze.item';

/**
 * What produced an item's indicators and score: the catalog, every lexicon and the risk configuration.
 * A new version re-analyses items whose stored version differs; the same version never runs twice.
 * A configured risk config (CENTINELA_RISK_CONFIG) adds a digest of its content to its version string, so editing
 * a file without renaming its `version` still re-analyses; the shipped priors keep their plain version.
 */
export function analysisVersion(riskConfig: RiskConfig | undefined): string {
  const risk =
    riskConfig === undefined || riskConfig === DEFAULT_RISK_CONFIG ? DEFAULT_RISK_CONFIG.version : `${riskConfig.version}#${riskConfigDigest(riskConfig)}`;
  return [`catalog@${INDICATOR_CATALOG_VERSION}`, ...DEFAULT_LEXICONS.map((l) => `${l.language}@${l.version}`).sort(), `risk@${risk}`].join(';');
}

/** First 12 hex digits of SHA-256 over the config's canonical JSON (an infinite cap written as null, as JSON does). */
function riskConfigDigest(config: RiskConfig): string {
  const plain = JSON.parse(JSON.stringify(config)) as JsonValue;
  return createHash('sha256').update(canonicalJson(plain)).digest('hex').slice(0, 12);
}

/** The analysis version of the shipped priors (no CENTINELA_RISK_CONFIG). */
export const ANALYSIS_VERSION = analysisVersion(undefined);

/** The analysis version this process writes: follows CENTINELA_RISK_CONFIG (`config.riskConfig`). */
export function currentAnalysisVersion(deps: Pick<ServiceDeps, 'config'>): string {
  return analysisVersion(deps.config.riskConfig);
}

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
export function analysisJobKey(itemId: string, version: string = ANALYSIS_VERSION): string {
  return `${ANALYZE_ITEM_TASK}:${itemId}:${version}`;
}

/** Queues the analysis of each item at `version` (see currentAnalysisVersion); never analyses in the caller's request. */
export async function queueAnalysis(queue: JobQueue, itemIds: readonly string[], version: string): Promise<void> {
  for (const itemId of itemIds) await queue.enqueue(ANALYZE_ITEM_TASK, { itemId }, { jobKey: analysisJobKey(itemId, version) });
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
  const version = currentAnalysisVersion(deps);
  if (item.analysis_version === version) return 'already-current';
  const riskConfig = deps.config.riskConfig;
  // Pure CPU work, outside the transaction so it never holds a lock.
  const result = score(analysisText(item).text, {
    ...(item.region ? { defaultRegion: item.region as CountryCode } : {}),
    ...(riskConfig !== undefined ? { config: riskConfig } : {}),
  });
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
        analysis_version: version,
        analysed_at: now,
        updated_at: now,
      })
      .where('id', '=', itemId)
      .where((eb) => eb.or([eb('analysis_version', 'is', null), eb('analysis_version', '!=', version)]))
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

/**
 * Queues the analysis of every item whose stored analysis is missing or from another version (after a lexicon
 * update or a new CENTINELA_RISK_CONFIG). Walks the table by id in pages, so memory stays flat; idempotent through
 * the job keys. Returns how many items were queued.
 */
export async function queueOutdatedAnalyses(deps: ServiceDeps, queue: JobQueue, pageSize = INSERT_CHUNK): Promise<number> {
  const version = currentAnalysisVersion(deps);
  let after = '';
  let queued = 0;
  for (;;) {
    const page = await deps.db
      .selectFrom('item')
      .select('id')
      .where('id', '>', after)
      .where((eb) => eb.or([eb('analysis_version', 'is', null), eb('analysis_version', '!=', version)]))
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (page.length === 0) return queued;
    await queueAnalysis(
      queue,
      page.map((r) => r.id),
      version,
    );
    queued += page.length;
    after = page[page.length - 1]!.id;
  }
}
