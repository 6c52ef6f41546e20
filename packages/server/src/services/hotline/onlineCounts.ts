import { isActionableClassification, type ReviewClassification } from '@centinela/core';
import type { ServiceDeps } from '../deps.js';
import type { OnlineStatsRow } from '../stats/onlineCounts.js';

/** Counts for published statistics (the cases/statistics capability): aggregates only, never ids or URLs. */
export interface OnlineCounts {
  from: string | null;
  to: string | null;
  /** Reports received in the period, by channel. */
  reports: { total: number; public: number; partner: number; automatic: number };
  /** Subjects first reported in the period. */
  subjects: number;
  /** Subjects with a URL whose latest decision is CSAM or trafficking, first reported in the period. */
  confirmedUrls: number;
  confirmedByClassification: Record<string, number>;
  /** Notice rounds sent in the period. */
  noticesSent: number;
  /** Removals verified in the period. */
  removals: number;
}

/**
 * Counts of online reports, confirmed URLs, notices and removals in [from, to) (ISO times; open-ended when
 * absent). For `services/stats` and the dashboard: one call, a few grouped queries.
 */
export async function onlineCounts(deps: ServiceDeps, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<OnlineCounts> {
  let reportsQ = deps.db.selectFrom('hotline_report').select(['channel', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('channel');
  if (range.from) reportsQ = reportsQ.where('created_at', '>=', range.from);
  if (range.to) reportsQ = reportsQ.where('created_at', '<', range.to);
  let subjectsQ = deps.db.selectFrom('hotline_subject').select(['classification', 'kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['classification', 'kind']);
  if (range.from) subjectsQ = subjectsQ.where('first_reported_at', '>=', range.from);
  if (range.to) subjectsQ = subjectsQ.where('first_reported_at', '<', range.to);
  let noticesQ = deps.db.selectFrom('outbox_message').select((eb) => eb.fn.countAll<number>().as('n')).where('ref_type', '=', 'hotline_notice').where('status', '=', 'sent');
  if (range.from) noticesQ = noticesQ.where('sent_at', '>=', range.from);
  if (range.to) noticesQ = noticesQ.where('sent_at', '<', range.to);
  let removalsQ = deps.db.selectFrom('hotline_subject').select((eb) => eb.fn.countAll<number>().as('n')).where('removed_at', 'is not', null);
  if (range.from) removalsQ = removalsQ.where('removed_at', '>=', range.from);
  if (range.to) removalsQ = removalsQ.where('removed_at', '<', range.to);

  const [reportRows, subjectRows, notices, removals] = await Promise.all([reportsQ.execute(), subjectsQ.execute(), noticesQ.executeTakeFirstOrThrow(), removalsQ.executeTakeFirstOrThrow()]);
  const reports = { total: 0, public: 0, partner: 0, automatic: 0 };
  for (const r of reportRows) {
    const n = Number(r.n);
    reports.total += n;
    if (r.channel in reports) reports[r.channel as 'public' | 'partner' | 'automatic'] += n;
  }
  let subjects = 0;
  let confirmedUrls = 0;
  const confirmedByClassification: Record<string, number> = {};
  for (const r of subjectRows) {
    const n = Number(r.n);
    subjects += n;
    if (r.kind === 'url' && r.classification && isActionableClassification(r.classification as ReviewClassification)) {
      confirmedUrls += n;
      confirmedByClassification[r.classification] = (confirmedByClassification[r.classification] ?? 0) + n;
    }
  }
  return { from: range.from ?? null, to: range.to ?? null, reports, subjects, confirmedUrls, confirmedByClassification, noticesSent: Number(notices.n), removals: Number(removals.n) };
}

/** The forms of exploitation (HTCDS `vic_TypeOfExploitation`) a reviewer's classification implies, when it implies one. */
const EXPLOITATION_OF: Partial<Record<ReviewClassification, string>> = { csam: 'SexualExploitation' };

/**
 * One row per counted event in [from, to), for published statistics (`services/stats`): reports received, URLs
 * confirmed (the first actionable decision on a URL still classified so) and removals verified. Years and the
 * implied form of exploitation and the hosting country where a provider was found: no URL, no reporter, no content.
 */
export async function onlineStatsRows(deps: ServiceDeps, range: { from: string; to: string }): Promise<OnlineStatsRow[]> {
  const inRange = (t: string | null): t is string => t !== null && t >= range.from && t < range.to;
  const [reports, confirmations, removals] = await Promise.all([
    deps.db
      .selectFrom('hotline_report as r')
      .innerJoin('hotline_subject as s', 's.id', 'r.subject_id')
      .select(['r.created_at', 's.country'])
      .where('r.created_at', '>=', range.from)
      .where('r.created_at', '<', range.to)
      .execute(),
    deps.db
      .selectFrom('hotline_subject as s')
      .innerJoin('hotline_decision as d', 'd.subject_id', 's.id')
      .select(['s.id', 's.classification', 's.country', (eb) => eb.fn.min<string>('d.created_at').as('confirmed_at')])
      .where('s.kind', '=', 'url')
      .where('s.classification', 'in', ['csam', 'trafficking'])
      .where('d.classification', 'in', ['csam', 'trafficking'])
      .groupBy(['s.id', 's.classification', 's.country'])
      .execute(),
    deps.db.selectFrom('hotline_subject').select(['removed_at', 'classification', 'country']).where('removed_at', '>=', range.from).where('removed_at', '<', range.to).execute(),
  ]);
  const exploitation = (c: string | null) => EXPLOITATION_OF[c as ReviewClassification] ?? null;
  return [
    ...reports.map((r) => ({ kind: 'report' as const, year: r.created_at.slice(0, 4), country: r.country })),
    ...confirmations
      .filter((c) => inRange(c.confirmed_at))
      .map((c) => ({ kind: 'confirmed_url' as const, year: c.confirmed_at.slice(0, 4), country: c.country, exploitation: exploitation(c.classification) })),
    ...removals.map((r) => ({ kind: 'removal' as const, year: r.removed_at!.slice(0, 4), country: r.country, exploitation: exploitation(r.classification) })),
  ];
}
