import * as api from '../../api/client';
import type { MessageKey } from '../../i18n';

// The items search as it appears in the page address (shareable): the form's values, dates as YYYY-MM-DD with an
// inclusive "until", and the page cursor. The purpose is never part of the address.

export interface Filters {
  minScore: string;
  maxScore: string;
  indicator: string;
  entityType: string;
  entity: string;
  site: string;
  language: string;
  source: string;
  capturedFrom: string;
  capturedTo: string;
  postedFrom: string;
  postedTo: string;
  sort: api.ItemSort;
  limit: string;
}

export const DEFAULT_SORT: api.ItemSort = 'captured';
export const PAGE_SIZES = ['25', '50', '100', '200'] as const;
export const DEFAULT_LIMIT = '50';

export const EMPTY_FILTERS: Filters = {
  minScore: '',
  maxScore: '',
  indicator: '',
  entityType: '',
  entity: '',
  site: '',
  language: '',
  source: '',
  capturedFrom: '',
  capturedTo: '',
  postedFrom: '',
  postedTo: '',
  sort: DEFAULT_SORT,
  limit: DEFAULT_LIMIT,
};

const TEXT_KEYS = ['minScore', 'maxScore', 'indicator', 'entityType', 'entity', 'site', 'language', 'source', 'capturedFrom', 'capturedTo', 'postedFrom', 'postedTo'] as const;

export function filtersFromSearch(search: string): { filters: Filters; cursor: string | null } {
  const q = new URLSearchParams(search);
  const f: Filters = { ...EMPTY_FILTERS };
  for (const k of TEXT_KEYS) f[k] = (q.get(k) ?? '').trim();
  const sort = q.get('sort');
  f.sort = (api.ITEM_SORTS as readonly string[]).includes(sort ?? '') ? (sort as api.ItemSort) : DEFAULT_SORT;
  const limit = q.get('limit') ?? '';
  f.limit = (PAGE_SIZES as readonly string[]).includes(limit) ? limit : DEFAULT_LIMIT;
  return { filters: f, cursor: q.get('cursor') || null };
}

/** `?…` for the address (empty without filters); defaults are left out so links stay short. */
export function searchFromFilters(f: Partial<Filters>, cursor?: string | null): string {
  const q = new URLSearchParams();
  for (const k of TEXT_KEYS) {
    const v = f[k]?.trim();
    if (v) q.set(k, v);
  }
  if (f.sort && f.sort !== DEFAULT_SORT) q.set('sort', f.sort);
  if (f.limit && f.limit !== DEFAULT_LIMIT) q.set('limit', f.limit);
  if (cursor) q.set('cursor', cursor);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A link to the items list with these filters ("all items with this entity"). */
export function itemsLink(f: Partial<Filters>): string {
  return `/items${searchFromFilters(f)}`;
}

/** "0,5" or "0.5" → 0.5; null when not a number in [0, 1]. */
export function parseScore(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 1 ? n : null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** The day after a YYYY-MM-DD date (the API's upper bounds are exclusive; the form's are inclusive). */
export function nextDay(s: string): string {
  const d = new Date(`${s}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The first problem with the filters, for the form; null when they can be sent. */
export function validateFilters(f: Filters): { key: MessageKey; field: keyof Filters } | null {
  for (const k of ['minScore', 'maxScore'] as const) {
    if (f[k].trim() && parseScore(f[k]) === null) return { key: 'items.filters.invalidScore', field: k };
  }
  const min = parseScore(f.minScore);
  const max = parseScore(f.maxScore);
  if (min !== null && max !== null && min > max) return { key: 'items.filters.scoreOrder', field: 'minScore' };
  for (const k of ['capturedFrom', 'capturedTo', 'postedFrom', 'postedTo'] as const) {
    if (f[k] && !validDate(f[k])) return { key: 'items.filters.invalidDate', field: k };
  }
  if (f.capturedFrom && f.capturedTo && f.capturedFrom > f.capturedTo) return { key: 'items.filters.dateOrder', field: 'capturedFrom' };
  if (f.postedFrom && f.postedTo && f.postedFrom > f.postedTo) return { key: 'items.filters.dateOrder', field: 'postedFrom' };
  return null;
}

/** The API query for valid filters (invalid values are left out; the form checks them before navigating). */
export function toApiQuery(f: Filters, cursor: string | null): api.ItemQuery {
  const q: api.ItemQuery = { sort: f.sort, limit: Number(f.limit) };
  const min = parseScore(f.minScore);
  const max = parseScore(f.maxScore);
  if (min !== null) q.minScore = min;
  if (max !== null) q.maxScore = max;
  if (f.indicator) q.indicator = f.indicator;
  if ((api.ENTITY_TYPES as readonly string[]).includes(f.entityType)) q.entityType = f.entityType as api.EntityType;
  if (f.entity) q.entity = f.entity;
  if (f.site) q.site = f.site;
  if (f.language) q.language = f.language;
  if ((api.ITEM_SOURCES as readonly string[]).includes(f.source)) q.source = f.source as api.ItemSource;
  if (validDate(f.capturedFrom)) q.capturedFrom = f.capturedFrom;
  if (validDate(f.capturedTo)) q.capturedTo = nextDay(f.capturedTo);
  if (validDate(f.postedFrom)) q.postedFrom = f.postedFrom;
  if (validDate(f.postedTo)) q.postedTo = nextDay(f.postedTo);
  if (cursor) q.cursor = cursor;
  return q;
}

/** The last search made in the list, so that "back to the search" from an item returns to it. In memory only. */
let lastSearch = '';
export function rememberListSearch(search: string): void {
  lastSearch = search;
}
export function lastListSearch(): string {
  return lastSearch;
}
