/** A template cluster of two or more items, with its template (shared text and slots) recovered by the fine stage. */
export interface TemplateClusterTable {
  /** The smallest member item id. */
  id: string;
  size: number;
  /** JSON: core TemplatePart[] (text and slots with examples). */
  template: string;
  /** JSON: core TemplateQuality (MDL bits, ratio, coverage). */
  quality: string;
  updated_at: string;
}
