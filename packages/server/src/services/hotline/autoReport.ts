import type { ServiceDeps } from '../deps.js';
import { systemActor } from '../deps.js';
import { fileReport, type ReportCreated } from './reportService.js';

/**
 * Strong signals that file a report without a person: a bank match, a risk score at or over
 * CENTINELA_AUTO_REPORT_RISK, or an ad that states a minor (explicitly, or an age under 18).
 */
export interface StrongSignals {
  url?: string | null | undefined;
  itemId?: string | null | undefined;
  riskScore?: number | null | undefined;
  bankMatch?: { bank: string; distance: number; signalType: string } | null | undefined;
  /** When a child is indicated by the analysis (any youth indicator): raises the report's priority. */
  childInvolved?: boolean | undefined;
  /** The ad states a minor (`youth.minor-explicit`, `youth.stated-age-under-18`): strong on its own. */
  minorStated?: boolean | undefined;
  description?: string | null | undefined;
}

/**
 * Files an automatic report when the signals are strong enough; returns null otherwise. Idempotent per item:
 * an item already reported automatically is not reported again (its subject keeps the first report).
 */
export async function reportFromSignals(deps: ServiceDeps, signals: StrongSignals): Promise<ReportCreated | null> {
  const strongRisk = signals.riskScore !== null && signals.riskScore !== undefined && signals.riskScore >= deps.config.autoReportRisk;
  if (!strongRisk && !signals.bankMatch && signals.minorStated !== true) return null;
  if (!signals.url && !signals.description) return null;
  if (signals.itemId) {
    const done = await deps.db.selectFrom('hotline_report').select('id').where('item_id', '=', signals.itemId).where('channel', '=', 'automatic').executeTakeFirst();
    if (done) return null;
  }
  return fileReport(deps, null, systemActor, {
    channel: 'automatic',
    url: signals.url ?? null,
    description: signals.description ?? null,
    childInvolved: signals.childInvolved === true,
    anonymous: true,
    language: 'en',
    itemId: signals.itemId ?? null,
    riskScore: signals.riskScore ?? null,
    bankMatch: !!signals.bankMatch,
    signals: {
      ...(strongRisk ? { riskScore: signals.riskScore } : {}),
      ...(signals.bankMatch ? { bankMatch: signals.bankMatch } : {}),
      ...(signals.minorStated ? { minorStated: true } : {}),
    },
  });
}

/**
 * The seam in item analysis: called once an item's analysis is stored. Reads the item's score and indicators
 * and hands them to `reportFromSignals`. Never throws into the analysis: a failed automatic report is retried
 * with the analysis job only if the caller rethrows.
 */
const MINOR_STATED = ['youth.minor-explicit', 'youth.stated-age-under-18'];

export async function reportFromItemAnalysis(deps: ServiceDeps, itemId: string): Promise<ReportCreated | null> {
  const item = await deps.db.selectFrom('item').select(['id', 'url', 'risk_score']).where('id', '=', itemId).executeTakeFirst();
  if (!item || item.risk_score === null || !item.url) return null;
  const youth = await deps.db.selectFrom('item_indicator').select('indicator_id').where('item_id', '=', itemId).where('category', '=', 'youth').execute();
  const minorStated = youth.some((y) => MINOR_STATED.includes(y.indicator_id));
  return reportFromSignals(deps, { url: item.url, itemId: item.id, riskScore: item.risk_score, childInvolved: youth.length > 0, minorStated });
}
