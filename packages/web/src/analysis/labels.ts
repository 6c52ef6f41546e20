import { isMessageKey, type I18n } from '../i18n';

// Labels of the analysis vocabulary (indicator ids, categories, evidence levels, entity types…) in the user's
// language. The server sends English labels only; ours are looked up by id in es.ts/en.ts, and the English
// label is the fallback for an id this version of the UI does not know (shown with lang="en").

type T = I18n['t'];

export interface Label {
  text: string;
  /** Set when the text is the server's English fallback. */
  lang?: 'en';
}

function byKey(t: T, key: string, fallback: string): Label {
  return isMessageKey(key) ? { text: t(key) } : { text: fallback, lang: 'en' };
}

export const indicatorLabel = (t: T, id: string, english?: string): Label => byKey(t, `indicator.${id}`, english || id);
export const categoryLabel = (t: T, category: string): Label => byKey(t, `category.${category}`, category);
export const evidenceLabel = (t: T, evidence: string): Label => byKey(t, `evidence.${evidence}`, evidence);
export const entityTypeLabel = (t: T, type: string): string => byKey(t, `entityType.${type}`, type).text;
export const sourceLabel = (t: T, source: string): string => byKey(t, `source.${source}`, source).text;
export const textLangLabel = (t: T, lang: string | null | undefined): string => (lang ? byKey(t, `textLang.${lang}`, lang).text : '');

/** A breakdown entry's signal in the user's language; the counts of link-graph signals come from the English text. */
export function featureLabel(t: T, id: string, english: string): Label {
  const count = /\b(\d+)\b/.exec(english)?.[1];
  const withCount = `feature.${id}.count`;
  if (count !== undefined && isMessageKey(withCount)) return { text: t(withCount, { count }) };
  return byKey(t, `feature.${id}`, english);
}

/** Scores and weights with the user's decimal separator. */
export function formatNumber(lang: string, n: number, digits = 2): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Log-odds weights and contributions: sign shown, at most two decimals. */
export function formatSigned(lang: string, n: number): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es' : 'en-GB', { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(n);
}
