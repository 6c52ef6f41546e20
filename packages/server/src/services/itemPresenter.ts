import type { ItemEntityTable, ItemIndicatorTable, ItemTable } from '../db/schema/index.js';
import type { ItemSource } from '../db/schema/item.js';
import { analysisText, type StoredAnalysis } from './itemAnalysis.js';

/** Characters of text shown in lists; the full text is in the item itself. */
export const SNIPPET_CHARS = 280;
export const TOP_INDICATORS = 5;

/** Cuts at `max` UTF-16 units without splitting a surrogate pair (an emoji, say). */
function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

export interface ItemSummary {
  id: string;
  source: ItemSource;
  url: string | null;
  site: string | null;
  title: string | null;
  snippet: string;
  /** The strongest indicators (at most `TOP_INDICATORS`), so a list can show why an item ranks high. */
  indicators: Array<{ id: string; category: string; weight: number }>;
  postedAt: string | null;
  capturedAt: string;
  locationText: string | null;
  priceText: string | null;
  language: string | null;
  riskScore: number | null;
  analysedAt: string | null;
  previousId: string | null;
  createdAt: string;
}

export interface ItemIndicator {
  id: string;
  category: string;
  weight: number;
  evidence: string;
  label: string;
  spans: Array<{ start: number; end: number; text: string }>;
}

export interface ItemEntity {
  type: string;
  value: string;
  normalized: string;
  start: number;
  end: number;
  attributes: Record<string, unknown>;
}

export interface ItemDetail extends Omit<ItemSummary, 'snippet' | 'indicators'> {
  text: string;
  mediaRefs: string[];
  rawCaptureRef: string | null;
  contentHash: string;
  region: string | null;
  ingestedBy: string;
  updatedAt: string;
  /** Null until analysed. Spans index the analysed string: title, a blank line, then the text from `textOffset`. */
  analysis: {
    version: string;
    textOffset: number;
    indicators: ItemIndicator[];
    entities: ItemEntity[];
    details: StoredAnalysis;
  } | null;
}

const score = (v: number | null): number | null => (v === null ? null : Number(v));

export function toItemSummary(row: ItemTable, top: ItemSummary['indicators'] = []): ItemSummary {
  return {
    id: row.id,
    source: row.source,
    url: row.url || null,
    site: row.site,
    title: row.title,
    snippet: cutText(row.text, SNIPPET_CHARS),
    indicators: top,
    postedAt: row.posted_at,
    capturedAt: row.captured_at,
    locationText: row.location_text,
    priceText: row.price_text,
    language: row.language,
    riskScore: score(row.risk_score),
    analysedAt: row.analysed_at,
    previousId: row.previous_id,
    createdAt: row.created_at,
  };
}

export function toItemDetail(row: ItemTable, indicators: ItemIndicatorTable[], entities: ItemEntityTable[]): ItemDetail {
  const { snippet: _snippet, indicators: _top, ...summary } = toItemSummary(row);
  const analysed = row.analysis_version !== null && row.risk_breakdown !== null;
  return {
    ...summary,
    text: row.text,
    mediaRefs: JSON.parse(row.media_refs) as string[],
    rawCaptureRef: row.raw_capture_ref,
    contentHash: row.content_hash,
    region: row.region,
    ingestedBy: row.ingested_by,
    updatedAt: row.updated_at,
    analysis: analysed
      ? {
          version: row.analysis_version!,
          textOffset: analysisText(row).textOffset,
          indicators: indicators.map((i) => ({
            id: i.indicator_id,
            category: i.category,
            weight: Number(i.weight),
            evidence: i.evidence,
            label: i.label,
            spans: JSON.parse(i.spans) as ItemIndicator['spans'],
          })),
          entities: entities.map((e) => ({
            type: e.type,
            value: e.value,
            normalized: e.normalized,
            start: Number(e.start),
            end: Number(e.end),
            attributes: JSON.parse(e.attributes) as Record<string, unknown>,
          })),
          details: JSON.parse(row.risk_breakdown!) as StoredAnalysis,
        }
      : null,
  };
}
