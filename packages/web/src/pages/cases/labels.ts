import { isMessageKey, type I18n, type Lang } from '../../i18n';
import { HTCDS_ES } from '../../i18n/htcds.es';
import type { Vocabulary } from '../../api/cases';

/** A picklist value in the user's language: Spanish from our catalogue, English from the standard's own labels. */
export function picklistLabel(lang: Lang, vocabulary: Vocabulary | null, field: string, value: string): string {
  if (lang === 'es') {
    const es = HTCDS_ES[`${field}.${value}`];
    if (es) return es;
  }
  return vocabulary?.picklists[field]?.find((e) => e.value === value)?.label ?? value;
}

/** A message key built from data (a status, a purpose), falling back to the raw value. */
export function keyed(t: I18n['t'], prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}
