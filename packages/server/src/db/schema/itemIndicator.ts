/** One indicator found in an item by its latest analysis. Primary key (item_id, indicator_id). */
export interface ItemIndicatorTable {
  item_id: string;
  indicator_id: string;
  category: string;
  /** Weight the score used for it (log-odds). */
  weight: number;
  evidence: string;
  label: string;
  /** JSON array of {start, end, text}: UTF-16 offsets into the analysed text (see itemAnalysis.ts). */
  spans: string;
}
