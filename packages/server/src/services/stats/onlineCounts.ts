// The online side of the statistics (reports received, URLs confirmed, removals) comes from the hotline
// (services/hotline/onlineCounts.ts, built separately). This is the shape statistics need from it; the hotline
// module registers an implementation at start-up with registerOnlineCountsSource.
import type { ServiceDeps } from '../deps.js';

export const ONLINE_KINDS = ['report', 'confirmed_url', 'removal'] as const;
export type OnlineKind = (typeof ONLINE_KINDS)[number];

/** One event of the online side, with the dimensions it is counted by. No URL, no reporter, no content. */
export interface OnlineStatsRow {
  kind: OnlineKind;
  /** Year the report was received / the URL confirmed / the content removed (YYYY). */
  year: string;
  /** ISO 3166-1 alpha-2 where the content was hosted or targeted, when known. */
  country?: string | null | undefined;
  /** HTCDS vic_TypeOfExploitation value, when the hotline classified it. */
  exploitation?: string | null | undefined;
}

export interface OnlineCountsSource {
  /** Every counted event whose date falls in [from, to) (ISO dates). */
  rows(deps: ServiceDeps, range: { from: string; to: string }): Promise<OnlineStatsRow[]>;
}

let source: OnlineCountsSource | null = null;

export function registerOnlineCountsSource(s: OnlineCountsSource | null): void {
  source = s;
}

export function onlineCountsSource(): OnlineCountsSource | null {
  return source;
}
