// The online side of the statistics (reports received, URLs confirmed, removals): the shape statistics count,
// produced by the hotline (`onlineStatsRows` in services/hotline/onlineCounts.ts).

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
