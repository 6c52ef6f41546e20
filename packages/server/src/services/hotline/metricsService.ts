import { summarizeDurations, type DurationSummary } from '@centinela/core';
import type { ServiceDeps } from '../deps.js';
import { csvCell } from '../csv.js';

export interface TimingRow {
  key: string;
  subjects: number;
  toAssessment: DurationSummary;
  toNotice: DurationSummary;
  toRemoval: DurationSummary;
  noticeToRemoval: DurationSummary;
}

export interface HotlineMetrics {
  from: string | null;
  to: string | null;
  overall: TimingRow;
  byProvider: TimingRow[];
  byCountry: TimingRow[];
  byMonth: TimingRow[];
}

interface Row {
  first_reported_at: string;
  assessed_at: string | null;
  first_notice_at: string | null;
  removed_at: string | null;
  provider: string | null;
  country: string | null;
}

const ms = (a: string, b: string | null) => (b ? Date.parse(b) - Date.parse(a) : null);

function timing(key: string, rows: Row[]): TimingRow {
  const pick = (f: (r: Row) => number | null) => rows.map(f).filter((v): v is number => v !== null && v >= 0);
  return {
    key,
    subjects: rows.length,
    toAssessment: summarizeDurations(pick((r) => ms(r.first_reported_at, r.assessed_at))),
    toNotice: summarizeDurations(pick((r) => ms(r.first_reported_at, r.first_notice_at))),
    toRemoval: summarizeDurations(pick((r) => ms(r.first_reported_at, r.removed_at))),
    noticeToRemoval: summarizeDurations(pick((r) => (r.first_notice_at ? ms(r.first_notice_at, r.removed_at) : null))),
  };
}

function groupBy(rows: Row[], key: (r: Row) => string): TimingRow[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => timing(k, g));
}

/**
 * Time from the first report to assessment, to the first notice sent and to verified removal (and from notice to
 * removal), as median and 90th percentile (nearest rank), overall and per provider, country and month of the
 * first report. Aggregates only: no URL or id leaves this function.
 */
export async function hotlineMetrics(deps: ServiceDeps, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<HotlineMetrics> {
  let q = deps.db
    .selectFrom('hotline_subject as s')
    .leftJoin('hotline_provider as p', 'p.id', 's.provider_id')
    .select(['s.first_reported_at', 's.assessed_at', 's.first_notice_at', 's.removed_at', 'p.name as provider', 's.country']);
  if (range.from) q = q.where('s.first_reported_at', '>=', range.from);
  if (range.to) q = q.where('s.first_reported_at', '<', range.to);
  const rows = (await q.execute()) as Row[];
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    overall: timing('all', rows),
    byProvider: groupBy(rows.filter((r) => r.provider), (r) => r.provider!),
    byCountry: groupBy(rows.filter((r) => r.country), (r) => r.country!),
    byMonth: groupBy(rows, (r) => r.first_reported_at.slice(0, 7)),
  };
}

/** The metrics as CSV: one line per group, durations in seconds. */
export function metricsCsv(m: HotlineMetrics): string {
  const head = ['group', 'key', 'subjects'];
  for (const k of ['to_assessment', 'to_notice', 'to_removal', 'notice_to_removal']) head.push(`${k}_count`, `${k}_median_s`, `${k}_p90_s`);
  const sec = (v: number | null) => (v === null ? null : Math.round(v / 1000));
  const line = (group: string, r: TimingRow) =>
    [group, r.key, r.subjects, ...[r.toAssessment, r.toNotice, r.toRemoval, r.noticeToRemoval].flatMap((d) => [d.count, sec(d.medianMs), sec(d.p90Ms)])].map(csvCell).join(',');
  return [
    head.join(','),
    line('overall', m.overall),
    ...m.byProvider.map((r) => line('provider', r)),
    ...m.byCountry.map((r) => line('country', r)),
    ...m.byMonth.map((r) => line('month', r)),
  ].join('\n') + '\n';
}
